package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import io.energysensors.format.LineParser;
import io.energysensors.format.json.LineJson;
import io.energysensors.logservice.OnH2;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.StoredEvents;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of POST /log/store that does not depend on the database, over real HTTP. */
class StoreValidationTests extends OnH2 {

    private static final int MAX_BODY = 8 * 1024 * 1024;
    private static final int MAX_LINE = 64 * 1024;
    /** What the grammars of a line and of JSON are made of, so mangling hits their edge cases. */
    private static final String PUNCTUATION = ";:=, \n\"[]{}";

    /** The members of a 413 for a body, the same in parse-service's answer. */
    private static final List<String> TOO_LARGE_MEMBERS =
            List.of("title", "status", "detail", "instance", "error", "max_bytes");
    /** The members of a 400 for bytes that are not text, the same in parse-service's answer. */
    private static final List<String> MALFORMED_TEXT_MEMBERS =
            List.of("title", "status", "detail", "instance", "error", "line", "column", "byte_offset");

    /** The first sample line, written out: {@code Device: ID=1; Fw=16071801; Evt=2; ...}. */
    private static final String LINE = Samples.lines().get(0);

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of("ID=1;", "ID=x;", "Device.ID"),
                Arguments.of("Fw=16071801", "Fw=abc", "Device.Fw"),
                Arguments.of("Evt=2;", "Evt=2.5;", "Device.Evt"),
                Arguments.of("Evt=2; ", "", "Device.Evt"),
                Arguments.of("CoilRevesed=OFF", "CoilRevesed=maybe", "Alarms.Coil"),
                Arguments.of("Alarms: CoilRevesed=OFF; ", "", "Alarms"),
                Arguments.of("Active=1753W", "Active=abc", "Power.Active"),
                Arguments.of("Reactive=279var", "Reactive=nan", "Power.Reactive"),
                Arguments.of("Reactive=279var; ", "", "Power.Reactive"),
                Arguments.of("Appearent=403VA", "Appearent=on", "Power.Appear"),
                Arguments.of("Current=7.35900021", "Current=1e400", "Line.Current"),
                Arguments.of("Voltage=230.08V", "Voltage=high", "Line.Voltage"),
                Arguments.of("Voltage=230.08V; ", "", "Line.Voltage"),
                Arguments.of("Phase=-43,841rad", "Phase=inf", "Line.Phase"),
                Arguments.of("UTC Time: 2016-10-4 16:47:50", "UTC Time: yesterday", "UTC Time"),
                Arguments.of("UTC Time: 2016-10-4 16:47:50; ", "", "UTC Time"),
                Arguments.of("hz: 49.87", "hz: fast", "hz"),
                Arguments.of("hz: 49.87; ", "", "hz"),
                Arguments.of("WiFi Strength: -62", "WiFi Strength: weak", "WiFi Strength"),
                Arguments.of("WiFi Strength: -62; ", "", "WiFi Strength"),
                Arguments.of("Dummy: 20", "Dummy: x", "Dummy"),
                Arguments.of("; Dummy: 20", "", "Dummy"),
                Arguments.of("Peaks: 7.33199978;", "Peaks: 7.33199978;abc;", "Peaks"),
                Arguments.of("FFT Re: 9748;", "FFT Re: ninety;", "FFT Re"),
                Arguments.of("FFT Img: 2712;", "FFT Img: ", "FFT"),
                Arguments.of("Device: ID=1; Fw=16071801", "Device: ID=99999999999999999999; Fw=16071801", "Device.ID"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badFields")
    void rejectsMissingOrMistypedField(String original, String replacement, String field) {
        long device = Samples.newDevice();
        String mutated = LINE.replace(original, replacement);
        assertThat(mutated).as("the mutation applies to the sample line").isNotEqualTo(LINE);
        String bad = mutated.startsWith("Device: ID=1;") ? Samples.withDevice(mutated, device) : mutated;

        Reply reply = server.postText(bad);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("error").asString()).startsWith("line 1").contains(field);
        assertThat(StoredEvents.ofDevice(server, device)).isEmpty();
    }

    @Test
    void acceptsCorrectSpellingsOfMisspelledKeys() {
        long device = Samples.newDevice();
        String line = Samples.withDevice(LINE, device)
                .replace("CoilRevesed=OFF", "CoilReversed=ON")
                .replace("Appearent=", "Apparent=");

        Reply reply = server.postText(line);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(StoredEvents.ofDevice(server, device)
                        .get(0)
                        .get("coil_reversed")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void rejectsGarbageWithItsColumn() {
        Reply reply = server.postText("Dead=Beef");

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("error").asString()).startsWith("line 1, column ");
        assertThat(reply.json().get("errors").get(0).get("column").asInt()).isPositive();
    }

    @Test
    void countsBlankLinesInLineNumbersButStoresNothingForThem() {
        long device = Samples.newDevice();
        String line = Samples.withDevice(LINE, device);

        Reply good = server.postText("\r\n" + line + "\r\n\r\n   \n\t\n" + line + "\r\n\n");
        Reply bad = server.postText("\n\n" + line.replace("Fw=16071801", "Fw=x"));

        assertThat(good.status()).as(good.body()).isEqualTo(200);
        assertThat(good.json().get("stored").asInt()).isEqualTo(2);
        assertThat(StoredEvents.ofDevice(server, device)).hasSize(2);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asString()).startsWith("line 3: Device.Fw");
    }

    @Test
    void rejectsBodiesWithoutEvent() {
        assertThat(server.postText("").status()).isEqualTo(400);
        assertThat(server.postText(" \n\r\n\t\n").status()).isEqualTo(400);
        assertThat(server.postJson("[]").status()).isEqualTo(400);
        assertThat(server.postJson("").status()).isEqualTo(400);
    }

    @Test
    void acceptsTextPlainInAnyCaseWithAnyCharsetAndNoContentType() {
        long device = Samples.newDevice();
        byte[] line = Samples.withDevice(LINE, device).getBytes(StandardCharsets.UTF_8);

        assertThat(server.post("TEXT/PLAIN; charset=ISO-8859-1", line).status()).isEqualTo(200);
        assertThat(server.post("text/plain;charset=utf-8", line).status()).isEqualTo(200);
        assertThat(server.post(null, line).status()).isEqualTo(200);
        assertThat(StoredEvents.ofDevice(server, device)).hasSize(3);
    }

    @Test
    void decodesTextInTheCharsetItsContentTypeNames() {
        long device = Samples.newDevice();
        String line = Samples.withDevice(LINE, device);

        Reply utf16 = server.post("text/plain; charset=UTF-16", line.getBytes(StandardCharsets.UTF_16));
        Reply latin1 = server.post(
                "text/plain; charset=ISO-8859-1", (line + "\n" + line).getBytes(StandardCharsets.ISO_8859_1));

        assertThat(utf16.status()).as(utf16.body()).isEqualTo(200);
        assertThat(latin1.status()).as(latin1.body()).isEqualTo(200);
        assertThat(StoredEvents.ofDevice(server, device)).hasSize(3);
    }

    @Test
    void readsLatin1BytesThatAreNotUtf8AsTheCharsetSays() {
        // 0xB0 (the degree sign in Latin-1) is no UTF-8: only the charset makes it text.
        long device = Samples.newDevice();
        byte[] line = (Samples.withDevice(LINE, device) + "; Note: 20\u00b0C").getBytes(StandardCharsets.ISO_8859_1);

        Reply latin1 = server.post("text/plain; charset=ISO-8859-1", line);
        Reply utf8 = server.post("text/plain", line);

        assertThat(latin1.status()).as(latin1.body()).isEqualTo(200);
        assertThat(StoredEvents.ofDevice(server, device)).hasSize(1);
        assertThat(utf8.status()).isEqualTo(400);
        assertThat(utf8.json().get("error").asString()).endsWith("invalid UTF-8 byte sequence starting with 0xB0");
    }

    @Test
    void refusesAnUnknownCharsetWith415() {
        Reply reply = server.post("text/plain; charset=klingon", LINE.getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).as(reply.body()).isEqualTo(415);
        assertThat(reply.contentType()).startsWith("application/problem+json");
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
    void rejectsInvalidUtf8WithItsPosition() {
        long device = Samples.newDevice();
        String first = Samples.withDevice(LINE, device);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes((first + "\n").getBytes(StandardCharsets.UTF_8));
        String prefix = "Device: ID=" + device + "; Fw=";
        body.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        body.write(0xFF);
        body.writeBytes("16071801; Evt=2".getBytes(StandardCharsets.UTF_8));
        int offset = first.length() + 1 + prefix.length();

        Reply reply = server.post("text/plain", body.toByteArray());

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("error").asString())
                .isEqualTo("line 2, column " + (prefix.length() + 1) + " (byte " + offset
                        + "): invalid UTF-8 byte sequence starting with 0xFF");
        assertThat(reply.json().get("detail").asString())
                .isEqualTo(reply.json().get("error").asString());
        assertThat(reply.json().propertyNames()).containsExactlyInAnyOrderElementsOf(MALFORMED_TEXT_MEMBERS);
        assertThat(reply.json().get("line").asInt()).isEqualTo(2);
        assertThat(reply.json().get("column").asInt()).isEqualTo(prefix.length() + 1);
        assertThat(reply.json().get("byte_offset").asInt()).isEqualTo(offset);
        assertThat(StoredEvents.ofDevice(server, device)).isEmpty();
    }

    @Test
    void rejectsOverlongAndTruncatedUtf8() {
        byte[] overlong = {'D', 'e', (byte) 0xC0, (byte) 0x80};
        byte[] truncated = {'D', 'e', 'v', (byte) 0xE2, (byte) 0x82};

        Reply first = server.post("text/plain", overlong);
        Reply second = server.post("text/plain", truncated);

        assertThat(first.status()).isEqualTo(400);
        assertThat(first.json().get("error").asString())
                .isEqualTo("line 1, column 3 (byte 2): invalid UTF-8 byte sequence starting with 0xC0");
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.json().get("error").asString())
                .isEqualTo("line 1, column 4 (byte 3): invalid UTF-8 byte sequence starting with 0xE2");
    }

    @Test
    void rejectsInvalidUtf8InJsonWithLineAndColumn() {
        byte[] body = {'[', '\n', '{', '"', (byte) 0xFE, '"', ':', '1', '}', ']'};

        Reply reply = server.post("application/json", body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("line").asInt()).isEqualTo(2);
        assertThat(reply.json().get("column").asInt()).isEqualTo(3);
        assertThat(reply.json().get("byte_offset").asInt()).isEqualTo(4);
    }

    @Test
    void rejectsMalformedJsonWithLineAndColumn() {
        Reply reply = server.postJson("[\n  {\"Device\": {\"ID\": 1,}}\n]");

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("line").asInt()).isEqualTo(2);
        assertThat(reply.json().get("error").asString()).startsWith("line 2, column ");
        assertThat(reply.json().get("pointer").asString()).startsWith("/0/Device");
    }

    @Test
    void rejectsJsonThatIsNotAnObjectOrArrayOfThem() {
        Reply scalar = server.postJson("42");
        Reply mixed = server.postJson("[" + jsonOf(Samples.newDevice()) + ", 7]");
        Reply duplicateKey = server.postJson("{\"Dummy\": [1], \"Dummy\": [2]}");

        assertThat(scalar.status()).isEqualTo(400);
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().get("error").asString()).contains("/1").contains("expected a JSON object");
        assertThat(duplicateKey.status()).isEqualTo(400);
        assertThat(duplicateKey.json().get("error").asString()).contains("Dummy");
    }

    @Test
    void rejectsJsonArrayWithBadElementListingItsIndex() {
        long device = Samples.newDevice();
        String bad = jsonOf(device).replace("\"Active\":1753", "\"Active\":\"abc\"");
        assertThat(bad).isNotEqualTo(jsonOf(device));

        Reply reply = server.postJson("[" + jsonOf(device) + "," + bad + "]");

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("error").asString()).startsWith("line 2: Power.Active");
        assertThat(StoredEvents.ofDevice(server, device)).isEmpty();
    }

    @Test
    void rejectsBodyOverTheLimitWith413() {
        byte[] body = new byte[MAX_BODY + 1];
        Arrays.fill(body, (byte) 'a');

        Reply reply = server.post("text/plain", body);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("error").asString())
                .isEqualTo("request body is larger than the limit of " + MAX_BODY
                        + " bytes (energy-sensors.ingest.max-body-bytes)");
        assertThat(reply.json().get("detail").asString())
                .isEqualTo(reply.json().get("error").asString());
        assertThat(reply.json().propertyNames()).containsExactlyInAnyOrderElementsOf(TOO_LARGE_MEMBERS);
        assertThat(reply.json().get("max_bytes").asInt()).isEqualTo(MAX_BODY);
    }

    @Test
    void rejectsChunkedBodyOverTheLimitWith413() {
        byte[] body = new byte[MAX_BODY + 1];
        Arrays.fill(body, (byte) 'a');
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base() + "/log/store"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        Reply reply = server.send(request);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("error").asString())
                .isEqualTo("request body is larger than the limit of " + MAX_BODY
                        + " bytes (energy-sensors.ingest.max-body-bytes)");
    }

    @Test
    void acceptsBodyExactlyAtTheLimit() {
        long device = Samples.newDevice();
        String line = Samples.withDevice(LINE, device);
        StringBuilder body = new StringBuilder(line).append('\n');
        String blankLine = " ".repeat(1023) + "\n";
        while (MAX_BODY - body.length() >= blankLine.length()) {
            body.append(blankLine);
        }
        body.append(" ".repeat(MAX_BODY - body.length()));

        Reply reply = server.postText(body.toString());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(StoredEvents.ofDevice(server, device)).hasSize(1);
    }

    @Test
    void rejectsLineOverTheLimitWith413NamingTheLine() {
        long device = Samples.newDevice();
        String line = Samples.withDevice(LINE, device);
        String tooLong = line.replace("Dummy: 20", "Dummy: 20" + " ".repeat(MAX_LINE));

        Reply reply = server.postText(line + "\n" + tooLong);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("error").asString())
                .isEqualTo("line 2 is longer than the limit of " + MAX_LINE
                        + " bytes (energy-sensors.ingest.max-line-bytes)");
        assertThat(reply.json().get("line").asInt()).isEqualTo(2);
        assertThat(reply.json().get("max_bytes").asInt()).isEqualTo(MAX_LINE);
        assertThat(StoredEvents.ofDevice(server, device)).isEmpty();
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
