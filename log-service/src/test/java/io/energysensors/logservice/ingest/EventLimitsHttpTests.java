package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;

import io.energysensors.format.LineParser;
import io.energysensors.format.json.LineJson;
import io.energysensors.logservice.OnH2;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.StoredEvents;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * POST /log/store within the default event limits (energy-sensors.ingest.event.*), over real
 * HTTP: a line beyond them rejects its whole batch with 400 naming the line and the field.
 */
class EventLimitsHttpTests extends OnH2 {

    private static final String LINE = Samples.lines().get(0);
    private static final String PEAKS = "Peaks: 7.33199978;";
    private static final String TIME = "UTC Time: 2016-10-4 16:47:50";

    @Test
    void rejectsABatchWithALineOfFiveThousandPeaks() {
        long device = Samples.newDevice();
        String huge = LINE.replace(PEAKS, "Peaks: " + values(5_000) + "7.33199978;");

        Reply reply =
                server.postText(Samples.withDevice(LINE, device) + "\n" + Samples.withDevice(huge, device) + "\n");

        assertRejected(reply, "Peaks", "must hold at most 1000 values, got 5010");
        assertThat(StoredEvents.ofDevice(server, device)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "9999-12-31 23:59:59, must not be more than 24h after the service's clock",
        "0001-01-01 00:00:00, must not be before 1970-01-01T00:00:00Z, got 0001-01-01T00:00:00Z",
    })
    void rejectsABatchWithALineOfAnInsaneYear(String time, String message) {
        long device = Samples.newDevice();
        String insane = LINE.replace(TIME, "UTC Time: " + time);

        Reply reply =
                server.postText(Samples.withDevice(LINE, device) + "\n" + Samples.withDevice(insane, device) + "\n");

        assertRejected(reply, "UTC Time[0]", message);
        assertThat(StoredEvents.ofDevice(server, device)).isEmpty();
    }

    @Test
    void limitsJsonBodiesAsText() {
        long device = Samples.newDevice();
        LineJson json = new LineJson();
        LineParser parser = new LineParser();
        String good = json.write(parser.parse(Samples.withDevice(LINE, device)));
        String huge = json.write(parser.parse(
                Samples.withDevice(LINE.replace(PEAKS, "Peaks: " + values(5_000) + "7.33199978;"), device)));

        Reply reply = server.postJson("[" + good + "," + huge + "]");

        assertRejected(reply, "Peaks", "must hold at most 1000 values, got 5010");
        assertThat(StoredEvents.ofDevice(server, device)).isEmpty();
    }

    private static void assertRejected(Reply reply, String field, String message) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        // 5,000 peaks also take the line past its 4,000 values: a second error on the same field.
        JsonNode errors = reply.json().get("errors");
        assertThat(errors).isNotEmpty().allSatisfy(error -> {
            assertThat(error.get("line").asInt()).isEqualTo(2);
            assertThat(error.get("field").asString()).isEqualTo(field);
        });
        assertThat(errors.get(0).get("message").asString()).startsWith(message);
    }

    /** {@code count} values, {@code 1;1;...;}. */
    private static String values(int count) {
        return String.join(";", Collections.nCopies(count, "1")) + ";";
    }
}
