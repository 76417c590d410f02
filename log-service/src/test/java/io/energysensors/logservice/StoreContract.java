package io.energysensors.logservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.energysensors.format.LineParser;
import io.energysensors.format.json.LineJson;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What storing and reading back must do on every database: each implementing class runs these
 * against the whole service on a random port over its database.
 */
public interface StoreContract {

    TestServer server();

    @Test
    default void storesTheSampleAsOneBatch() {
        long device = Samples.newDevice();
        List<String> lines = Samples.linesOfDevice(device);

        Reply reply = server().postText(String.join("\n", lines) + "\n");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("stored").asInt()).isEqualTo(1000);
        assertStoredInOrder(device, lines);
    }

    @Test
    default void storesABatchThatIsNotAWholeNumberOfInsertStatements() {
        long device = Samples.newDevice();
        List<String> lines = Samples.linesOfDevice(device).subList(100, 351);

        Reply reply = server().postText(String.join("\n", lines));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("stored").asInt()).isEqualTo(251);
        assertStoredInOrder(device, lines);
    }

    @Test
    default void storesTheSampleAsSinglePosts() {
        long device = Samples.newDevice();
        List<String> lines = Samples.linesOfDevice(device);

        for (String line : lines) {
            Reply reply = server().postText(line);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("{}");
        }

        assertStoredInOrder(device, lines);
    }

    @Test
    default void storesParseServiceJsonSinglyAndAsArray() {
        LineParser parser = new LineParser();
        LineJson json = new LineJson();
        long single = Samples.newDevice();
        List<String> singleLines = Samples.linesOfDevice(single).subList(0, 50);
        long batch = Samples.newDevice();
        List<String> batchLines = Samples.linesOfDevice(batch);

        for (String line : singleLines) {
            Reply reply = server().postJson(json.write(parser.parse(line)));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("{}");
        }
        String array = "["
                + String.join(
                        ",",
                        batchLines.stream()
                                .map(line -> json.write(parser.parse(line)))
                                .toList()) + "]";
        Reply reply = server().postJson(array);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("stored").asInt()).isEqualTo(1000);
        assertStoredInOrder(single, singleLines);
        assertStoredInOrder(batch, batchLines);
    }

    @Test
    default void storesKnownValuesOfTheFirstSampleLine() {
        long device = Samples.newDevice();
        Instant before = Instant.now();

        Reply reply = server().postText(Samples.linesOfDevice(device).get(0));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode stored = StoredEvents.ofDevice(server(), device).get(0);
        // Values as written in res/events.txt line 1.
        assertThat(stored.get("firmware").asLong()).isEqualTo(16071801L);
        assertThat(stored.get("event_code").asLong()).isEqualTo(2L);
        assertThat(stored.get("measured_at").asString()).isEqualTo("2016-10-04T16:47:50Z");
        assertThat(stored.get("coil_reversed").asBoolean()).isFalse();
        assertThat(stored.get("power_active_w").asDouble()).isEqualTo(1753.0);
        assertThat(stored.get("line_current_a").asDouble()).isEqualTo(7.35900021);
        assertThat(stored.get("line_phase_rad").asDouble()).isEqualTo(-43.841);
        assertThat(stored.get("peaks").size()).isEqualTo(10);
        assertThat(stored.get("peaks").get(0).asDouble()).isEqualTo(7.33199978);
        assertThat(StoredEvents.doubles(stored.get("fft_img")))
                .containsExactly(2712, 6, -792, -59, 1386, -19, 963, 33, 462);
        assertThat(stored.get("frequency_hz").asDouble()).isEqualTo(49.87);
        assertThat(stored.get("wifi_strength_dbm").asDouble()).isEqualTo(-62.0);
        assertThat(Instant.parse(stored.get("received_at").asString()))
                .isBetween(before.minusSeconds(1), Instant.now());
    }

    @Test
    default void rejectsABatchWithBadLinesAndStoresNothingOfIt() {
        long device = Samples.newDevice();
        List<String> lines = new ArrayList<>(Samples.linesOfDevice(device).subList(0, 10));
        lines.set(2, lines.get(2).replace("Active=1757W", "Active=abc"));
        lines.set(6, lines.get(6).replace("Power:", "Power"));

        Reply reply = server().postText(String.join("\n", lines));

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("error").asString())
                .contains("line 3: Power.Active")
                .contains("line 7");
        assertThat(reply.json().get("errors").findValuesAsString("line")).containsOnly("3", "7");
        assertThat(reply.json().get("detail").asString()).isEqualTo("2 of 10 lines are invalid; nothing was stored");
        assertThat(StoredEvents.ofDevice(server(), device)).isEmpty();
    }

    @Test
    default void concurrentPostersLoseAndDuplicateNothing() throws Exception {
        long device = Samples.newDevice();
        List<String> lines = Samples.linesOfDevice(device);
        int posters = 4;
        int linesPerPoster = 50;
        ExecutorService pool = Executors.newFixedThreadPool(posters);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int poster = 0; poster < posters; poster++) {
                int first = poster * linesPerPoster;
                done.add(pool.submit(() -> postUniquely(lines, first, linesPerPoster)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        // Dummy carries the line's index: every index must be there exactly once.
        List<JsonNode> stored = StoredEvents.ofDevice(server(), device);
        List<Integer> dummies = stored.stream()
                .map(event -> (int) event.get("dummy").asDouble())
                .toList();
        assertThat(dummies)
                .hasSize(posters * linesPerPoster)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, posters * linesPerPoster).boxed().toList());
        Set<Long> ids = new HashSet<>(
                stored.stream().map(event -> event.get("id").asLong()).toList());
        assertThat(ids).hasSize(stored.size());
    }

    @Test
    default void readsOneEventByIdAndAnswers404ForAnAbsentOne() {
        long device = Samples.newDevice();
        server().postText(Samples.linesOfDevice(device).get(0));
        JsonNode stored = StoredEvents.ofDevice(server(), device).get(0);

        Reply found = server().get("/events/" + stored.get("id").asLong());
        Reply absent = server().get("/events/" + Long.MAX_VALUE);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json()).isEqualTo(stored);
        assertThat(absent.status()).isEqualTo(404);
        assertThat(absent.contentType()).startsWith("application/problem+json");
        assertThat(absent.json().get("error").asString()).contains(String.valueOf(Long.MAX_VALUE));
    }

    @Test
    default void countsStoredEvents() {
        long before = server().get("/events/count").json().get("count").asLong();

        Reply reply = server().postText(String.join(
                "\n", Samples.linesOfDevice(Samples.newDevice()).subList(0, 7)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        // Test methods of a JVM run one after another, so nothing else stores in between.
        assertThat(server().get("/events/count").json().get("count").asLong()).isEqualTo(before + 7);
    }

    @Test
    default void pagesNewestFirstWithinMeasurementTimeRange() {
        long device = Samples.newDevice();
        String template = Samples.linesOfDevice(device).get(0);
        List<String> lines = new ArrayList<>();
        // Stored out of measurement order: newest first means most recently stored first.
        for (int minute : new int[] {0, 3, 1, 4, 2}) {
            lines.add(template.replace("UTC Time: 2016-10-4 16:47:50", "UTC Time: 2016-10-4 17:0" + minute + ":00"));
        }
        server().postText(String.join("\n", lines));

        Reply firstPage = server().get("/events?device=" + device + "&size=2");
        Reply range = server().get("/events?device=" + device + "&from=2016-10-04T17:01:00Z&to=2016-10-04T17:03:00Z");

        assertThat(firstPage.json().get("total_elements").asLong()).isEqualTo(5);
        assertThat(firstPage.json().get("total_pages").asInt()).isEqualTo(3);
        assertThat(firstPage.json().get("events").findValuesAsString("measured_at"))
                .containsExactly("2016-10-04T17:02:00Z", "2016-10-04T17:04:00Z");
        assertThat(range.json().get("events").findValuesAsString("measured_at"))
                .containsExactly("2016-10-04T17:02:00Z", "2016-10-04T17:01:00Z");
    }

    private void postUniquely(List<String> lines, int first, int count) {
        // Half single posts, half a batch, so both paths allocate ids at the same time.
        List<String> batch = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            String line = lines.get(i).replace("Dummy: 20", "Dummy: " + i);
            if (i % 2 == 0) {
                Reply reply = server().postText(line);
                assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            } else {
                batch.add(line);
            }
        }
        Reply reply = server().postText(String.join("\n", batch));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private void assertStoredInOrder(long device, List<String> lines) {
        List<JsonNode> stored = StoredEvents.ofDevice(server(), device);
        assertThat(stored).hasSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            StoredEvents.assertSame(stored.get(i), StoredEvents.expected(lines.get(i)));
        }
    }
}
