package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import io.energysensors.format.LineParser;
import io.energysensors.format.event.SensorEvent;
import io.energysensors.format.json.LineJson;
import io.energysensors.logservice.MockMvcClient;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.TestServer.Reply;
import io.energysensors.logservice.security.BatchAdmission;
import io.energysensors.logservice.security.LogServiceSecurity;
import io.energysensors.web.problem.ProblemsAutoConfiguration;
import io.energysensors.web.security.ApiSecurityAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * POST /log/store's media types and answers on a web slice: the controller, the real batch
 * reader and web-support's problem answers, with the database's group commit replaced by a
 * recorder of what it is handed to store.
 */
@WebMvcTest(StoreController.class)
@ImportAutoConfiguration({ProblemsAutoConfiguration.class, ApiSecurityAutoConfiguration.class})
@Import({
    LogServiceSecurity.class,
    BatchAdmission.class,
    IngestPipeline.class,
    EventBatchReader.class,
    EventReaderConfiguration.class,
    IngestRejections.class,
    StoreRequestTests.Meters.class
})
@EnableConfigurationProperties({IngestProperties.class, EventLimitProperties.class})
class StoreRequestTests {

    /** What the grammars of a line and of JSON are made of, so mangling hits their edge cases. */
    private static final String PUNCTUATION = ";:=, \n\"[]{}";

    /** The first sample line, written out: {@code Device: ID=1; Fw=16071801; Evt=2; ...}. */
    private static final String LINE = Samples.lines().get(0);

    @TestConfiguration(proxyBeanMethods = false)
    static class Meters {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @MockitoBean
    private GroupCommit groupCommit;

    @Autowired
    private MockMvc mvc;

    private MockMvcClient server;

    private final List<SensorEvent> stored = new CopyOnWriteArrayList<>();

    @BeforeEach
    void recordWhatIsStored() {
        server = new MockMvcClient(mvc);
        when(groupCommit.commitBatch(anyList(), any())).thenAnswer(call -> {
            List<SensorEvent> events = call.getArgument(0);
            stored.addAll(events);
            return new Stored(events.size(), false);
        });
    }

    @Test
    void acceptsTextPlainInAnyCaseWithAnyCharsetAndNoContentType() {
        long device = Samples.newDevice();
        byte[] line = Samples.withDevice(LINE, device).getBytes(StandardCharsets.UTF_8);

        assertThat(server.post("TEXT/PLAIN; charset=ISO-8859-1", line).status()).isEqualTo(200);
        assertThat(server.post("text/plain;charset=utf-8", line).status()).isEqualTo(200);
        assertThat(server.post(null, line).status()).isEqualTo(200);
        assertThat(storedOf(device)).hasSize(3);
    }

    @Test
    void acceptsJsonWithCharsetParameter() {
        long device = Samples.newDevice();
        String json = new LineJson().write(new LineParser().parse(Samples.withDevice(LINE, device)));

        Reply reply = server.post("Application/JSON; charset=UTF-8", json.getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{}");
    }

    @Test
    void answersEveryMangledBodyWith200Or400NeverAServerError() {
        Random random = new Random(20161004);
        byte[] line = Samples.withDevice(LINE, Samples.newDevice()).getBytes(StandardCharsets.UTF_8);
        byte[] json = jsonOf(Samples.newDevice()).getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 150; round++) {
            boolean asJson = round % 3 == 0;
            byte[] body = mangle(asJson ? json : line, random);

            Reply reply = server.post(asJson ? "application/json" : "text/plain", body);

            assertThat(reply.status()).as("round %d: %s", round, reply.body()).isIn(200, 400);
            assertThat(reply.json().has(reply.status() == 200 ? "stored" : "error")
                            || reply.body().equals("{}"))
                    .as(reply.body())
                    .isTrue();
        }
    }

    @Test
    void wrongMethodIsMethodNotAllowedProblem() {
        Reply reply = server.get("/log/store");

        assertProblem(reply, 405);
    }

    @Test
    void otherMediaTypeIsUnsupportedMediaTypeProblem() {
        Reply reply = server.post("application/xml", "<event/>".getBytes(StandardCharsets.UTF_8));

        assertProblem(reply, 415);
        assertThat(reply.json().get("error").asString()).contains("application/xml");
    }

    @Test
    void formContentTypeIsUnsupportedMediaType() {
        Reply reply = server.post("application/x-www-form-urlencoded", "a=b".getBytes(StandardCharsets.UTF_8));

        assertProblem(reply, 415);
    }

    @Test
    void unparsableContentTypeIsUnsupportedMediaType() {
        Reply reply = server.post("text", "x".getBytes(StandardCharsets.UTF_8));

        assertProblem(reply, 415);
    }

    private List<SensorEvent> storedOf(long device) {
        return stored.stream().filter(event -> event.deviceId() == device).toList();
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.json().get("error").asString()).isNotBlank();
    }

    /** A few random byte replacements, insertions and deletions; sometimes bytes that are not UTF-8. */
    private static byte[] mangle(byte[] original, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        double rate = 3.0 / original.length;
        for (byte b : original) {
            double dice = random.nextDouble();
            if (dice < rate) {
                out.write(random.nextInt(256));
            } else if (dice < 2 * rate) {
                out.write(b);
                out.write(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
            } else if (dice >= 3 * rate) {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static String jsonOf(long device) {
        return new LineJson().write(new LineParser().parse(Samples.withDevice(LINE, device)));
    }
}
