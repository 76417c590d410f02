package io.energysensors.logservice.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import io.energysensors.logservice.OnH2;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** GET /events beyond its first pages, over real HTTP against H2: offsets bounded, keyset paging. */
class EventsPagingTests extends OnH2 {

    @Autowired
    private DataSource dataSource;

    @Test
    void aPageBeyondTheMaxOffsetIsABadRequestThatNamesPageAndAfter() {
        Reply reply = server.get("/events?page=201&size=50");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("error").asString()).contains("page", "10000", "after=");
    }

    @Test
    void pageAndAfterTogetherAreABadRequest() {
        Reply reply = server.get("/events?page=1&after=100");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asString()).contains("page", "after");
    }

    @Test
    void afterWalksEveryStoredEventOnceWhileEventsAreStored() {
        long device = Samples.newDevice();
        assertThat(server.postText(String.join("\n", Samples.linesOfDevice(device)))
                        .status())
                .isEqualTo(200);
        Set<Long> ofDevice = idsOf(walk("device=" + device + "&"));
        assertThat(ofDevice).hasSize(Samples.lines().size());

        AtomicBoolean walking = new AtomicBoolean(true);
        AtomicInteger stored = new AtomicInteger();
        long other = Samples.newDevice();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            List<String> lines = Samples.linesOfDevice(other);
            for (int i = 0; walking.get(); i = (i + 10) % lines.size()) {
                Reply reply = server.postText(String.join("\n", lines.subList(i, i + 10)));
                assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                stored.incrementAndGet();
            }
        });
        List<JsonNode> walked;
        try {
            walked = walk("");
        } finally {
            walking.set(false);
            writer.join();
        }

        List<Long> ids = new ArrayList<>();
        walked.forEach(event -> ids.add(event.get("id").asLong()));
        assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(ids).containsAll(ofDevice);
        assertThat(stored.get()).isPositive();
    }

    @Test
    void filteredTotalsAreExactWithinTheMaxOffset() {
        long device = Samples.newDevice();
        server.postText(String.join("\n", Samples.linesOfDevice(device)));

        JsonNode page = server.get("/events?device=" + device + "&size=300").json();

        assertThat(page.get("total_elements").asLong())
                .isEqualTo(Samples.lines().size());
        assertThat(page.get("total_exact").asBoolean()).isTrue();
        assertThat(page.get("total_pages").asInt()).isEqualTo(4);
        assertThat(page.get("next_after").asLong())
                .isEqualTo(page.get("events").get(299).get("id").asLong());
    }

    @Test
    void theMeasurementTimeHasAnIndex() throws Exception {
        List<String> indexed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, "SENSOR_EVENT", false, false)) {
            while (indexes.next()) {
                if (indexes.getShort("ORDINAL_POSITION") == 1) {
                    indexed.add(indexes.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }

        assertThat(indexed).contains("id", "device_id", "measured_at");
    }

    /** Every page from the newest on, each asked with the previous page's next_after. */
    private List<JsonNode> walk(String filter) {
        List<JsonNode> events = new ArrayList<>();
        String after = "";
        while (true) {
            Reply reply = server.get("/events?" + filter + "size=97" + after);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            reply.json().get("events").forEach(events::add);
            JsonNode next = reply.json().get("next_after");
            if (next == null || next.isNull()) {
                return events;
            }
            after = "&after=" + next.asLong();
        }
    }

    private static Set<Long> idsOf(List<JsonNode> events) {
        Set<Long> ids = new HashSet<>();
        events.forEach(event -> ids.add(event.get("id").asLong()));
        return ids;
    }
}
