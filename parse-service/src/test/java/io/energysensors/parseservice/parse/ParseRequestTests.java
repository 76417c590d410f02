package io.energysensors.parseservice.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import io.energysensors.parseservice.security.ParseServiceSecurity;
import io.energysensors.web.problem.ProblemsAutoConfiguration;
import io.energysensors.web.security.ApiSecurityAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /log/parse's answers to what a client sends, on a web slice: the controller and
 * web-support's problem answers, no server. ParseServiceHttpTests keeps what needs one.
 */
@WebMvcTest(ParseController.class)
@ImportAutoConfiguration({ProblemsAutoConfiguration.class, ApiSecurityAutoConfiguration.class})
@Import({ParseServiceSecurity.class, ParseRequestTests.Meters.class})
@EnableConfigurationProperties(ParseProperties.class)
class ParseRequestTests {

    private static final Path SAMPLE = Path.of("..", "res", "events.txt");
    private static final String FIRST_LINE = "Device: ID=1; Fw=16071801; Evt=2; Alarms: CoilRevesed=OFF; "
            + "Power: Active=1753W; Reactive=279var; Appearent=403VA; Line: Current=7.35900021; Voltage=230.08V; "
            + "Phase=-43,841rad; Peaks: 7.33;7.31;7.53; FFT Re: 9748;46;303; FFT Img: 2712;6;-792; "
            + "UTC Time: 2016-10-4 16:47:50; hz: 49.87; WiFi Strength: -62; Dummy: 20";

    @TestConfiguration(proxyBeanMethods = false)
    static class Meters {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    /** An answer: status, Content-Type (empty when none) and body. */
    private record Reply(int statusCode, String contentType, String body) {}

    private final ObjectMapper mapper = JsonMapper.builder().build();

    @Autowired
    private MockMvc mvc;

    @Test
    void answersOneLineWithItsObject() throws Exception {
        Reply response = post(bytes(FIRST_LINE + "\r\n"), "text/plain");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode event = mapper.readTree(response.body());
        assertThat(event.isObject()).isTrue();
        assertThat(event.get("Power").get("Active").asLong()).isEqualTo(1753);
        assertThat(event.get("Line").get("Phase").asDouble()).isEqualTo(-43.841);
        assertThat(event.get("Alarms").get("CoilRevesed").isBoolean()).isTrue();
        assertThat(event.get("UTC Time").get(0).asString()).isEqualTo("2016-10-04T16:47:50Z");
    }

    @Test
    void acceptsTextWithoutContentTypeOrWithAnyCaseAndCurlsFormType() throws Exception {
        for (String type : new String[] {
            null, "TEXT/PLAIN; Charset=UTF-8", "text/plain;charset=utf-8", "application/x-www-form-urlencoded"
        }) {
            Reply response = post(bytes(FIRST_LINE), type);
            assertThat(response.statusCode()).as("Content-Type %s", type).isEqualTo(200);
            assertThat(mapper.readTree(response.body()).get("Device").get("ID").asInt())
                    .isEqualTo(1);
        }
    }

    @Test
    void decodesTheCharsetTheClientNames() throws Exception {
        byte[] latin1 = "Note: caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);

        Reply response = post(latin1, "text/plain; charset=ISO-8859-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(response.body()).get("Note").get(0).asString())
                .isEqualTo("caf\u00e9");
    }

    @Test
    void listsEveryBadLineWithItsNumberAndColumn() throws Exception {
        String body = FIRST_LINE + "\n\nPower: Active=1753W; Reactive\n" + FIRST_LINE + "\nDead=Beef\n";

        Reply response = post(bytes(body), "text/plain");

        JsonNode problem = assertProblem(response, 400);
        JsonNode errors = problem.get("errors");
        assertThat(errors.size()).isEqualTo(2);
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("column").asInt()).isBetween(22, 31);
        assertThat(errors.get(1).get("line").asInt()).isEqualTo(5);
        assertThat(problem.get("error").asString())
                .startsWith("2 of 4 lines are not valid sensor lines; first: line 3");
    }

    @Test
    void rejectsInvalidUtf8WithItsPosition() throws Exception {
        byte[] body = bytes("Foo: 1\nBar: x\u00ff");
        body[body.length - 2] = (byte) 0xC3;
        body[body.length - 1] = (byte) 0x28;

        JsonNode problem = assertProblem(post(body, "text/plain"), 400);

        assertThat(problem.get("line").asInt()).isEqualTo(2);
        assertThat(problem.get("column").asInt()).isEqualTo(7);
        assertThat(problem.get("byte_offset").asInt()).isEqualTo(13);
        assertThat(problem.get("error").asString())
                .isEqualTo("line 2, column 7 (byte 13): invalid UTF-8 byte sequence starting with 0xC3");
        assertThat(problem.propertyNames())
                .containsExactlyInAnyOrder(
                        "title", "status", "detail", "instance", "error", "line", "column", "byte_offset");
    }

    @Test
    void refusesOtherMediaTypesAndUnknownCharsets() throws Exception {
        assertProblem(post(bytes("{}"), "application/json"), 415);
        assertProblem(post(bytes(FIRST_LINE), "image/png"), 415);
        assertProblem(post(bytes(FIRST_LINE), "text/plain; charset=no-such-charset"), 415);
        assertProblem(post(bytes(FIRST_LINE), "not a media type"), 415);
    }

    @Test
    void refusesABodyWithoutLines() throws Exception {
        assertThat(assertProblem(post(bytes(" \n\r\n"), "text/plain"), 400)
                        .get("error")
                        .asString())
                .isEqualTo("the body holds no sensor line");
    }

    @Test
    void neverAnswers5xxToRandomBytes() throws Exception {
        Random random = new Random(20161004);
        byte[] sample = Files.readAllBytes(SAMPLE);
        for (int i = 0; i < 300; i++) {
            byte[] body = i % 2 == 0 ? randomBytes(random) : mutatedSlice(random, sample);
            Reply response = post(body, "text/plain");
            assertThat(response.statusCode()).as("request %d", i).isIn(200, 400);
            if (response.statusCode() == 400) {
                assertThat(mapper.readTree(response.body()).get("error").isString())
                        .isTrue();
            }
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] body = new byte[1 + random.nextInt(300)];
        random.nextBytes(body);
        return body;
    }

    private static byte[] mutatedSlice(Random random, byte[] sample) {
        int start = random.nextInt(sample.length - 2000);
        byte[] body = Arrays.copyOfRange(sample, start, start + 1 + random.nextInt(1500));
        for (int flips = random.nextInt(8); flips > 0; flips--) {
            body[random.nextInt(body.length)] = (byte) ";:=,.\n\u0000x9".charAt(random.nextInt(9));
        }
        return body;
    }

    private JsonNode assertProblem(Reply response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = mapper.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("error").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }

    /** @param contentType null sends no Content-Type header at all */
    private Reply post(byte[] body, String contentType) throws Exception {
        MockHttpServletRequestBuilder request =
                MockMvcRequestBuilders.post("/log/parse").content(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        return new Reply(
                response.getStatus(),
                response.getContentType() == null ? "" : response.getContentType(),
                response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
