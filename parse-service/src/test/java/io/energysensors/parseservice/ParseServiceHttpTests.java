package io.energysensors.parseservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Drives parse-service over real HTTP on a random port, with the sample file and with bad input. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ParseServiceHttpTests {

    private static final Path SAMPLE = Path.of("..", "res", "events.txt");
    private static final Path REFERENCE = Path.of("..", "res", "reference", "parsed_events.jsonl");
    private static final String FIRST_LINE = "Device: ID=1; Fw=16071801; Evt=2; Alarms: CoilRevesed=OFF; "
            + "Power: Active=1753W; Reactive=279var; Appearent=403VA; Line: Current=7.35900021; Voltage=230.08V; "
            + "Phase=-43,841rad; Peaks: 7.33;7.31;7.53; FFT Re: 9748;46;303; FFT Img: 2712;6;-792; "
            + "UTC Time: 2016-10-4 16:47:50; hz: 49.87; WiFi Strength: -62; Dummy: 20";

    /** The members of a 413 for a body, the same in log-service's answer. */
    private static final List<String> TOO_LARGE_MEMBERS =
            List.of("title", "status", "detail", "instance", "error", "max_bytes");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Test
    void parsesTheWholeSampleIntoAnArrayThatMatchesTheOriginalParser() throws Exception {
        HttpResponse<String> response = post(Files.readAllBytes(SAMPLE), "text/plain");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode array = mapper.readTree(response.body());
        List<String> reference = Files.readAllLines(REFERENCE);
        assertThat(array.size()).isEqualTo(1000).isEqualTo(reference.size());
        for (int i = 0; i < reference.size(); i++) {
            assertThat(withUtcTimes(array.get(i)))
                    .as("line %d", i + 1)
                    .isEqualTo(withUtcTimes(mapper.readTree(reference.get(i))));
        }
    }

    @Test
    void refusesBodiesOverTheLimitWhetherSizedOrChunked() throws Exception {
        byte[] tooLarge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(tooLarge, (byte) 'a');

        JsonNode sized = assertProblem(post(tooLarge, "text/plain"), 413);
        HttpRequest chunked = request("text/plain")
                .POST(BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(tooLarge)))
                .build();
        JsonNode streamed = assertProblem(http.send(chunked, BodyHandlers.ofString()), 413);

        for (JsonNode problem : List.of(sized, streamed)) {
            assertThat(problem.get("error").asString())
                    .isEqualTo("request body is larger than the limit of 1048576 bytes "
                            + "(energy-sensors.parse.max-body-size)");
            assertThat(problem.get("detail").asString())
                    .isEqualTo(problem.get("error").asString());
            assertThat(problem.get("max_bytes").asInt()).isEqualTo(1024 * 1024);
            assertThat(problem.propertyNames()).containsExactlyInAnyOrderElementsOf(TOO_LARGE_MEMBERS);
        }
    }

    @Test
    void listsTheFirstHundredBadLinesOfAHugeBodyAndCountsTheRest() throws Exception {
        int lines = 1024 * 1024 / "a\n".length();

        JsonNode problem = assertProblem(post(bytes("a\n".repeat(lines)), "text/plain"), 400);

        assertThat(problem.get("errors").size()).isEqualTo(100);
        assertThat(problem.get("errors").get(99).get("line").asInt()).isEqualTo(100);
        assertThat(problem.get("error_count").asLong()).isEqualTo(lines);
        assertThat(problem.get("errors_omitted").asLong()).isEqualTo(lines - 100);
        assertThat(problem.get("error").asString())
                .startsWith(lines + " of " + lines + " lines are not valid sensor lines; first: line 1");
    }

    @Test
    void answersUnknownPathsAndWrongMethodsWithProblemJson() throws Exception {
        HttpResponse<String> missing = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/no/such/path"))
                        .header("Accept", "text/html")
                        .build(),
                BodyHandlers.ofString());
        assertProblem(missing, 404);

        HttpResponse<String> wrongMethod = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/log/parse")).GET().build(), BodyHandlers.ofString());
        assertProblem(wrongMethod, 405);
    }

    @Test
    void answersAMalformedRequestWithoutHtml() throws Exception {
        String raw =
                "POST /log/parse?x=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 3\r\n\r\nabc";

        String answer = rawExchange(raw);

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer.toLowerCase()).doesNotContain("<html").doesNotContain("text/html");
    }

    @Test
    void exposesHealthInfoMetricsAndApiDocsButNothingElse() throws Exception {
        post(bytes(FIRST_LINE), "text/plain");
        post(bytes("Dead=Beef"), "text/plain");

        assertThat(mapper.readTree(get("/actuator/health/readiness").body())
                        .get("status")
                        .asString())
                .isEqualTo("UP");
        assertThat(get("/actuator/prometheus").body())
                .containsPattern("energy_sensors_parse_lines_total\\{outcome=\"parsed\"} [1-9]")
                .containsPattern("energy_sensors_parse_lines_total\\{outcome=\"rejected\"} [1-9]");
        assertThat(get("/v3/api-docs").body()).contains("/log/parse").contains("CoilRevesed");
        assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/beans").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), BodyHandlers.ofString());
    }

    private static byte[] mutatedSlice(Random random, byte[] sample) {
        int start = random.nextInt(sample.length - 2000);
        byte[] body = java.util.Arrays.copyOfRange(sample, start, start + 1 + random.nextInt(1500));
        for (int flips = random.nextInt(8); flips > 0; flips--) {
            body[random.nextInt(body.length)] = (byte) ";:=,.\n\u0000x9".charAt(random.nextInt(9));
        }
        return body;
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = mapper.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("error").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }

    /** The reference writes times without zone, meaning UTC; the service adds the Z. */
    private static JsonNode withUtcTimes(JsonNode event) {
        JsonNode copy = event.deepCopy();
        tools.jackson.databind.node.ArrayNode times = (tools.jackson.databind.node.ArrayNode) copy.get("UTC Time");
        Iterator<JsonNode> values = event.get("UTC Time").iterator();
        for (int i = 0; values.hasNext(); i++) {
            String time = values.next().asString();
            times.set(i, time.endsWith("Z") ? time : time + "Z");
        }
        return copy;
    }

    private HttpResponse<String> post(byte[] body, String contentType) throws IOException, InterruptedException {
        return http.send(
                request(contentType).POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String contentType) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + "/log/parse"));
        return contentType == null ? builder : builder.header("Content-Type", contentType);
    }

    private String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
