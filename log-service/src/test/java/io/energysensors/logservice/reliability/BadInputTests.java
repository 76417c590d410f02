package io.energysensors.logservice.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.energysensors.format.LineParser;
import io.energysensors.format.json.LineJson;
import io.energysensors.logservice.FreshDataDir;
import io.energysensors.logservice.Samples;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Garbage over real HTTP: 20,000 seeded mutations of the sample, as text and as JSON, and a list
 * of hand-picked nasty bodies and content types. Every answer is a 2xx or a 4xx problem with an
 * {@code error} member, the service stays up, and the stored count grows by exactly what was
 * acknowledged. Its own H2 database, so no other test's events mix into the count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputTests {

    private static final long SEED = 7_20_000L;
    private static final int MUTATED_REQUESTS = 20_000;
    private static final int CLIENTS = 4;
    /** What the line and JSON grammars are built from, so inserted bytes land on their edge cases. */
    private static final String SEPARATORS = ";:=, \n\r\t\"[]{}.-+eE";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LineParser PARSER = new LineParser();
    private static final LineJson LINE_JSON = new LineJson();
    private static final String LINE = Samples.lines().get(0);

    @LocalServerPort
    private int port;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws IOException {
        FreshDataDir.register(registry, "bad-input");
    }

    /** A request body with its Content-Type (null: no header) and what it is, for failure messages. */
    private record Body(String name, String contentType, byte[] bytes) {}

    @Test
    void answersSeededMutationsOfTheSampleWithSuccessOrAProblemAndCountsExactly() throws Exception {
        long before = count();
        List<Future<Long>> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(SEED + c);
                clients.add(pool.submit(() -> {
                    long acknowledged = 0;
                    for (int i = 0; i < MUTATED_REQUESTS / CLIENTS; i++) {
                        acknowledged += sendAndCheck(mutated(random, i));
                    }
                    return acknowledged;
                }));
            }
            long acknowledged = 0;
            for (Future<Long> done : clients) {
                acknowledged += done.get();
            }

            assertThat(acknowledged).as("some mutations are still valid lines").isPositive();
            assertThat(count() - before).isEqualTo(acknowledged);
            assertHealthUp();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void answersHandPickedNastyBodiesWithSuccessOrAProblemAndCountsExactly() throws Exception {
        long before = count();
        long acknowledged = 0;
        for (Body body : nastyBodies()) {
            acknowledged += sendAndCheck(body);
        }

        assertThat(count() - before).isEqualTo(acknowledged);
        assertHealthUp();
    }

    private static List<Body> nastyBodies() {
        List<Body> bodies = new ArrayList<>();
        byte[] line = bytes(LINE);
        String json = LINE_JSON.write(PARSER.parse(LINE));
        Random random = new Random(SEED);

        bodies.add(new Body("empty text", "text/plain", new byte[0]));
        bodies.add(new Body("empty JSON", "application/json", new byte[0]));
        byte[] binary = new byte[64 * 1024];
        random.nextBytes(binary);
        bodies.add(new Body("random binary as text", "text/plain", binary));
        bodies.add(new Body("random binary as JSON", "application/json", binary));
        bodies.add(new Body("random binary, octet-stream", "application/octet-stream", binary));
        for (byte[] invalid : List.of(
                new byte[] {(byte) 0xC3, 0x28},
                new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x82})) {
            bodies.add(new Body(
                    "invalid UTF-8 in a line " + Arrays.toString(invalid),
                    "text/plain",
                    concat(Arrays.copyOf(line, 40), invalid, Arrays.copyOfRange(line, 40, line.length))));
            bodies.add(new Body(
                    "invalid UTF-8 in JSON " + Arrays.toString(invalid),
                    "application/json",
                    concat(bytes(json.substring(0, 20)), invalid, bytes(json.substring(20)))));
        }
        bodies.add(new Body("10 MB of lines", "text/plain", repeatLines(LINE, 10 * 1024 * 1024)));
        bodies.add(new Body(
                "10 MB of JSON",
                "application/json",
                bytes("[" + String.join(",", Collections.nCopies(10 * 1024 * 1024 / json.length() + 1, json)) + "]")));
        bodies.add(new Body("100k [", "application/json", bytes("[".repeat(100_000))));
        bodies.add(new Body("100k [ closed", "application/json", bytes("[".repeat(100_000) + "]".repeat(100_000))));
        bodies.add(new Body("100k {\"a\":", "application/json", bytes("{\"a\":".repeat(100_000))));
        for (String wrongShape : List.of(
                "{}",
                "[]",
                "null",
                "42",
                "\"line\"",
                "true",
                "[1,2,3]",
                "[[]]",
                "[{}]",
                "[null]",
                "{\"events\":[]}",
                "[\"" + LINE + "\"]",
                json.replaceFirst("\\{", "["),
                json.replace("\"Device\"", "\"device\""),
                json.replaceFirst(":\\s*\\{", ": [1,2]"),
                json.replaceFirst("\\d+", "\"1\""),
                json + json,
                json.substring(0, json.length() / 2),
                "{\"a\":1,\"a\":2}",
                "[" + json + ",]",
                "\uFEFF" + json)) {
            bodies.add(new Body("wrong shape " + abbreviate(wrongShape), "application/json", bytes(wrongShape)));
        }
        for (String number : List.of(
                "1e400",
                "-1e400",
                "-0",
                "0",
                "-0.0",
                "NaN",
                "Infinity",
                "-Infinity",
                "123456789012345678901234567890",
                "-9223372036854775809",
                "9223372036854775808",
                "1e-400",
                "4.9e-324",
                "0x10",
                "1_000",
                "+5",
                ".5",
                "5.",
                "00012",
                "1e",
                "--1",
                "1.7976931348623157e309")) {
            bodies.add(new Body(
                    "text number " + number + " as Active",
                    "text/plain",
                    bytes(LINE.replace("Active=1753W", "Active=" + number + "W"))));
            bodies.add(new Body(
                    "text number " + number + " as ID",
                    "text/plain",
                    bytes(LINE.replace("ID=1;", "ID=" + number + ";"))));
            bodies.add(new Body(
                    "text number " + number + " as a peak",
                    "text/plain",
                    bytes(LINE.replace("Peaks: 7.33199978;", "Peaks: " + number + ";"))));
            bodies.add(new Body(
                    "JSON number " + number,
                    "application/json",
                    bytes(json.replaceFirst("(-?\\d+(\\.\\d+)?)", number))));
        }
        String peaks = IntStream.range(0, 100_000).mapToObj(i -> "7." + i).collect(Collectors.joining(";"));
        bodies.add(new Body(
                "100k peaks as text",
                "text/plain",
                bytes(LINE.replaceFirst("Peaks: [^ ]*;", "Peaks: " + peaks + ";"))));
        String peaksJson = IntStream.range(0, 100_000).mapToObj(i -> "7." + i).collect(Collectors.joining(","));
        bodies.add(new Body(
                "100k peaks as JSON",
                "application/json",
                bytes(json.replaceFirst("\\[[^\\[\\]]*\\]", "[" + peaksJson + "]"))));
        bodies.add(new Body("1 MB line", "text/plain", bytes("A".repeat(1024 * 1024))));
        bodies.add(new Body("1 MB of semicolons", "text/plain", bytes(";".repeat(1024 * 1024))));
        bodies.add(new Body("a line 65 kB long", "text/plain", bytes(LINE + " ".repeat(65 * 1024))));
        bodies.add(new Body("NUL inside a line", "text/plain", bytes(LINE.replace("Evt=2", "Evt=\u00002"))));
        bodies.add(new Body("NUL at the end of a line", "text/plain", bytes(LINE + "\u0000")));
        bodies.add(new Body("only NULs", "text/plain", new byte[4096]));
        bodies.add(new Body("NUL inside JSON", "application/json", bytes(json.replace("{", "{\u0000"))));
        bodies.add(new Body(
                "CRLF lines",
                "text/plain",
                bytes(String.join("\r\n", Samples.lines().subList(0, 5)) + "\r\n")));
        bodies.add(new Body(
                "lone CRs",
                "text/plain",
                bytes(String.join("\r", Samples.lines().subList(0, 5)))));
        bodies.add(new Body(
                "100k blank lines around a line",
                "text/plain",
                bytes("\n".repeat(50_000) + LINE + "\n".repeat(50_000))));
        bodies.add(new Body("only blank lines", "text/plain", bytes("\n \n\t\n\r\n".repeat(10_000))));
        for (String contentType : Arrays.asList(
                null,
                "",
                "text/html",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "text/plain; charset=ISO-8859-1",
                "text/plain; charset=UTF-16",
                "text/plain; charset=bogus",
                "application/json; charset=UTF-16",
                "application/json; charset=\"\"",
                "TEXT/PLAIN",
                "Application/JSON",
                "text/plain;;;",
                "text/",
                "/",
                "garbage",
                ";",
                "*/*",
                "text/*",
                "application/problem+json",
                "application/json-seq",
                "text/plain; charset=utf-8; q=0.5",
                "text/plain, application/json",
                "\u00e9t\u00e9/plain")) {
            bodies.add(new Body("line as " + contentType, contentType, line));
            bodies.add(new Body("JSON as " + contentType, contentType, bytes(json)));
        }
        return bodies;
    }

    /** One body of 1 to 3 sample lines, as text or JSON, with 1 to 3 seeded mutations. */
    private static Body mutated(Random random, int index) {
        List<String> lines = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            lines.add(Samples.lines().get(random.nextInt(Samples.lines().size())));
        }
        boolean json = random.nextInt(3) == 0;
        String text =
                json ? LINE_JSON.writeAll(lines.stream().map(PARSER::parse).toList()) : String.join("\n", lines);
        byte[] body = bytes(text);
        List<String> applied = new ArrayList<>();
        for (int m = 1 + random.nextInt(3); m > 0; m--) {
            int kind = random.nextInt(6);
            applied.add(String.valueOf(kind));
            body = mutate(body, kind, random);
        }
        return new Body(
                "mutation " + index + " " + applied + " of " + (json ? "JSON" : "text"),
                json ? "application/json" : "text/plain",
                body);
    }

    private static byte[] mutate(byte[] body, int kind, Random random) {
        if (body.length == 0) {
            return body;
        }
        int at = random.nextInt(body.length);
        int span = Math.min(body.length - at, 1 + random.nextInt(24));
        switch (kind) {
            case 0 -> {
                byte[] flipped = body.clone();
                flipped[at] =
                        (byte) (random.nextBoolean() ? random.nextInt(256) : flipped[at] ^ (1 << random.nextInt(8)));
                return flipped;
            }
            case 1 -> {
                return concat(Arrays.copyOf(body, at), Arrays.copyOfRange(body, at + span, body.length));
            }
            case 2 -> {
                return concat(Arrays.copyOf(body, at + span), Arrays.copyOfRange(body, at, body.length));
            }
            case 3 -> {
                return Arrays.copyOf(body, at);
            }
            case 4 -> {
                byte[] separator = {(byte) SEPARATORS.charAt(random.nextInt(SEPARATORS.length()))};
                return concat(Arrays.copyOf(body, at), separator, Arrays.copyOfRange(body, at, body.length));
            }
            default -> {
                return swapSections(body, random);
            }
        }
    }

    /** Swaps two of the {@code "; "}-separated sections, which keeps every byte but breaks the order. */
    private static byte[] swapSections(byte[] body, Random random) {
        List<String> sections =
                new ArrayList<>(Arrays.asList(new String(body, StandardCharsets.ISO_8859_1).split("; ", -1)));
        if (sections.size() > 1) {
            Collections.swap(sections, random.nextInt(sections.size()), random.nextInt(sections.size()));
        }
        return String.join("; ", sections).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Sends one body, checks the answer's shape and returns how many events it acknowledged. */
    private long sendAndCheck(Body body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/log/store"))
                .timeout(Duration.ofMinutes(1))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (body.contentType() != null) {
            request.header("Content-Type", body.contentType());
        }
        HttpResponse<String> response =
                client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String what = body.name() + " -> " + status + " " + contentType + " " + abbreviate(response.body());
        assertThat(response.body()).as(what).doesNotContainIgnoringCase("<html");
        if (status >= 200 && status < 300) {
            JsonNode stored = JSON.readTree(response.body()).get("stored");
            return stored == null ? 1 : stored.asLong();
        }
        assertThat(status).as(what).isBetween(400, 499);
        assertThat(contentType).as(what).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).hasNonNull("error")).as(what).isTrue();
        return 0;
    }

    private long count() throws IOException, InterruptedException {
        return JSON.readTree(get("/events/count")).get("count").asLong();
    }

    private void assertHealthUp() throws IOException, InterruptedException {
        assertThat(JSON.readTree(get("/actuator/health")).get("status").asString())
                .isEqualTo("UP");
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofMinutes(1))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static byte[] repeatLines(String line, int atLeastBytes) {
        return bytes((line + "\n").repeat(atLeastBytes / (line.length() + 1) + 1));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
