package io.energysensors.logservice.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import io.energysensors.logservice.FreshDataDir;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.StoredEvents;
import io.energysensors.logservice.TestServer;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Events that cannot be placed are skipped and counted, and a run that cannot cluster is recorded
 * with its reason while the previous result stays. Scope {@code recent} over the last 1003 events,
 * runs only on request, over a fresh H2 file database.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "energy-sensors.clustering.scope=recent",
            "energy-sensors.clustering.max-events=1003",
            "energy-sensors.clustering.every-events=1000000000"
        })
class PoisonedAndFailedRunsTests {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws IOException {
        FreshDataDir.register(registry, "poisoned");
    }

    @Test
    void skipsUnplaceableEventsThenKeepsTheResultWhenARunFails() {
        TestServer server = new TestServer(port);
        String first = Samples.lines().get(0);
        long poisonedDevice = Samples.newDevice();
        List<String> poisoned = List.of(
                Samples.withDevice(first.replaceFirst("Peaks: [^ ]*;", "Peaks: 7.33;7.31;"), poisonedDevice),
                Samples.withDevice(first.replace("Active=1753W", "Active=1e12W"), poisonedDevice),
                Samples.withDevice(first.replace("Voltage=230.08V", "Voltage=-4e15V"), poisonedDevice));
        assertThat(server.postText(String.join("\n", Samples.lines())).status()).isEqualTo(200);
        assertThat(server.postText(String.join("\n", poisoned)).status()).isEqualTo(200);

        JsonNode good = recomputeAndAwait(server, "SUCCEEDED");

        // The 3 poisoned events are the most recent: skipped, the 1000 sample events clustered as the original.
        Reference.assertMatches(good);
        assertThat(good.get("events_skipped").asLong()).isEqualTo(3);
        assertThat(good.get("events_covered").asLong()).isEqualTo(1000);
        assertThat(StoredEvents.ofDevice(server, poisonedDevice))
                .hasSize(3)
                .allSatisfy(event -> assertThat(event.get("cluster").isNull()).isTrue());
        int[] labels = Reference.labels();
        List<JsonNode> sample = StoredEvents.ofDevice(server, 1);
        for (int i = 0; i < labels.length; i++) {
            assertThat(sample.get(i).get("cluster").asInt()).isEqualTo(labels[i]);
        }

        // 1003 copies of one event are now the most recent: their bandwidth is 0.
        long copies = Samples.newDevice();
        assertThat(server.postText(String.join("\n", Collections.nCopies(1003, Samples.withDevice(first, copies))))
                        .status())
                .isEqualTo(200);
        JsonNode afterFailure = recomputeAndAwait(server, "FAILED");

        assertThat(afterFailure.get("last_run").get("reason").asString()).contains("bandwidth is 0");
        assertThat(afterFailure.get("run_id").asLong())
                .isEqualTo(good.get("run_id").asLong());
        Reference.assertMatches(afterFailure);
        assertThat(StoredEvents.ofDevice(server, copies))
                .allSatisfy(event -> assertThat(event.get("cluster").isNull()).isTrue());
    }

    private static JsonNode recomputeAndAwait(TestServer server, String status) {
        long before = lastRunId(server.get("/clusters/summary").json());
        Reply accepted = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/clusters/recompute"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(accepted.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> lastRunId(server.get("/clusters/summary").json()) > before);
        JsonNode summary = server.get("/clusters/summary").json();
        assertThat(summary.get("last_run").get("status").asString())
                .as(summary.toString())
                .isEqualTo(status);
        return summary;
    }

    private static long lastRunId(JsonNode summary) {
        return summary.get("last_run").isNull()
                ? 0
                : summary.get("last_run").get("id").asLong();
    }
}
