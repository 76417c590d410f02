package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;

import io.energysensors.logservice.OnH2;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.StoredEvents;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.Test;

/**
 * POST /log/store's refusals over real HTTP: how a refused batch or document becomes status and
 * problem JSON, and the body limits, which the request stream decides. The rules themselves are
 * checked on the reader (EventBatchReaderTests) and the media types on a web slice
 * (StoreRequestTests).
 */
class StoreValidationTests extends OnH2 {

    private static final int MAX_BODY = 8 * 1024 * 1024;

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
        assertThat(reply.json().get("error").asString()).contains("max-body-bytes");
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
        assertThat(reply.json().get("error").asString()).contains("max-body-bytes");
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
}
