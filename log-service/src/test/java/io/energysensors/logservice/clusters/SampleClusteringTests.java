package io.energysensors.logservice.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import io.energysensors.logservice.FreshDataDir;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.StoredEvents;
import io.energysensors.logservice.TestServer;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole service on a random port over a fresh H2 file database holding only the sample:
 * storing its 1000 lines starts a run in the background (every-events is 1000), whose stored
 * result must be the original's, event by event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleClusteringTests {

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ClusteringScheduler scheduler;

    private TestServer server;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws IOException {
        FreshDataDir.register(registry, "clusters");
    }

    @BeforeAll
    void storeTheSampleAndAwaitItsRun() {
        server = new TestServer(port);
        Reply stored = server.postText(String.join("\n", Samples.lines()));
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        server.get("/clusters/summary").json().get("clusters").size() > 0);
    }

    @Test
    void summaryHasTheOriginalClustersCountsAveragesAndCenters() {
        JsonNode summary = server.get("/clusters/summary").json();

        Reference.assertMatches(summary);
        assertThat(summary.get("events_covered").asLong()).isEqualTo(1000);
        assertThat(summary.get("events_skipped").asLong()).isZero();
        assertThat(summary.get("scope").asString()).isEqualTo("all");
        assertThat(summary.get("computed_at").asString()).isNotBlank();
        assertThat(summary.get("last_run").get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void everyEventCarriesTheOriginalLabel() {
        List<JsonNode> events = StoredEvents.ofDevice(server, 1);
        int[] expected = Reference.labels();

        assertThat(events).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(events.get(i).get("cluster").asInt())
                    .as("event %d (line %d)", events.get(i).get("id").asLong(), i + 1)
                    .isEqualTo(expected[i]);
        }
        long id = events.get(25).get("id").asLong();
        assertThat(server.get("/events/" + id).json().get("cluster").asInt()).isEqualTo(expected[25]);
    }

    @Test
    void clusterDetailAndMembersAgreeWithTheSummary() {
        JsonNode summary = server.get("/clusters/summary").json();
        long pagedTotal = 0;
        for (JsonNode cluster : summary.get("clusters")) {
            int label = cluster.get("label").asInt();
            JsonNode detail = server.get("/clusters/" + label).json();
            assertThat(detail.get("count").asLong())
                    .isEqualTo(cluster.get("count").asLong());
            JsonNode power = detail.get("features").get("power_active_w");
            Reference.assertRelative(
                    power.get("mean").asDouble(),
                    cluster.get("avg_power_active_w").asDouble());
            assertThat(power.get("min").asDouble())
                    .isLessThanOrEqualTo(power.get("mean").asDouble());
            assertThat(power.get("max").asDouble())
                    .isGreaterThanOrEqualTo(power.get("mean").asDouble());
            // Every sample event has voltage 230.08: no spread at all.
            assertThat(detail.get("features").get("line_voltage_v").get("std").asDouble())
                    .isLessThan(1e-9);

            JsonNode page =
                    server.get("/clusters/" + label + "/events?size=1000").json();
            assertThat(page.get("total_elements").asLong())
                    .isEqualTo(cluster.get("count").asLong());
            page.get("events")
                    .forEach(event -> assertThat(event.get("cluster").asInt()).isEqualTo(label));
            pagedTotal += page.get("events").size();
        }
        assertThat(pagedTotal).isEqualTo(1000);
        assertThat(server.get("/clusters/99").status()).isEqualTo(404);
        assertThat(server.get("/clusters/99/events").status()).isEqualTo(404);
    }

    @Test
    void recomputeIsAcceptedAndRapidRequestsCoalesceIntoAtMostTwoRuns() {
        long before = runs();

        Reply reply = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/clusters/recompute"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        // Far faster than a run: all but the first arrive while one is going, and leave one follow-up.
        for (int i = 0; i < 100; i++) {
            scheduler.requestRun("test burst " + i);
        }

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().get("status").asString()).isEqualTo("scheduled");
        long[] seen = {-1};
        await().atMost(Duration.ofSeconds(60)).during(Duration.ofSeconds(2)).until(() -> {
            long now = runs();
            boolean settled = now == seen[0];
            seen[0] = now;
            return settled && now > before;
        });
        assertThat(runs() - before).isBetween(1L, 2L);
        JsonNode summary = server.get("/clusters/summary").json();
        assertThat(summary.get("events_covered").asLong()).isEqualTo(1000);
        Reference.assertMatches(summary);
    }

    private long runs() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM clustering_run", Long.class);
    }

    @Test
    void exposesIngestionAndRunFiguresAsPrometheusMetrics() {
        String metrics = server.get("/actuator/prometheus").body();

        assertThat(metrics)
                .containsPattern("energy_sensors_ingest_stored_total(\\{[^}]*})? [1-9][0-9]{3}\\.0")
                .contains("energy_sensors_ingest_batch_size_count")
                .contains("energy_sensors_ingest_store_seconds_count")
                .containsPattern("energy_sensors_clustering_runs_seconds_count\\{[^}]*status=\"SUCCEEDED\"[^}]*} [1-9]")
                .containsPattern("energy_sensors_clustering_last_clusters(\\{[^}]*})? 5\\.0")
                .containsPattern("energy_sensors_clustering_last_events_covered(\\{[^}]*})? 1000\\.0")
                // A run over 1000 events takes some CPU: a figure with a digit other than 0.
                .containsPattern("energy_sensors_clustering_cpu_seconds_total(\\{[^}]*})? [0-9.]*[1-9]");
        assertThat(server.get("/actuator/health/readiness").json().get("status").asString())
                .isEqualTo("UP");
        assertThat(server.get("/actuator/info")
                        .json()
                        .get("build")
                        .get("artifact")
                        .asString())
                .isEqualTo("log-service");
    }
}
