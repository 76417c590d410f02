package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import io.energysensors.logservice.OnH2;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.StoredEvents;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.Test;

/**
 * What POST /log/store answers over real HTTP for bodies the reader or the body limits refuse:
 * problem JSON, status and members (the rules themselves: {@link EventBatchReaderTests}).
 */
class StoreValidationTests extends OnH2 {

    private static final int MAX_BODY = 8 * 1024 * 1024;
    private static final int MAX_LINE = 64 * 1024;

    /** The members of a 413 for a body, the same in parse-service's answer. */
    private static final List<String> TOO_LARGE_MEMBERS =
            List.of("title", "status", "detail", "instance", "error", "max_bytes");
    /** The members of a 400 for bytes that are not text, the same in parse-service's answer. */
    private static final List<String> MALFORMED_TEXT_MEMBERS =
            List.of("title", "status", "detail", "instance", "error", "line", "column", "byte_offset");

    /** The first sample line, written out: {@code Device: ID=1; Fw=16071801; Evt=2; ...}. */
    private static final String LINE = Samples.lines().get(0);

    @Test
    void rejectsGarbageWithItsColumn() {
        Reply reply = server.postText("Dead=Beef");

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("error").asString()).startsWith("line 1, column ");
        assertThat(reply.json().get("errors").get(0).get("column").asInt()).isPositive();
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
}
