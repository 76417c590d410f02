package io.energysensors.logservice.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.energysensors.logservice.FreshDataDir;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.TestServer;
import io.energysensors.logservice.events.ClusterLabels;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A count-triggered run with few new events assigns them to the current centers instead of
 * clustering anew, and a full run still comes when due. Every 250 events a run is due; fewer new
 * events than 90% of those the last full run covered are assigned, and at most every second run
 * is an assignment. No CPU budget rest, so each run follows its count at once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "energy-sensors.clustering.every-events=250",
            "energy-sensors.clustering.assign-below=0.9",
            "energy-sensors.clustering.full-run-every=2",
            "energy-sensors.clustering.cpu-share=1"
        })
class FewNewEventsAssignedTests {

    @LocalServerPort
    private int port;

    @Autowired
    private FeatureReader features;

    @Autowired
    private LabelCache labels;

    @Autowired
    private ResultReader results;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws IOException {
        FreshDataDir.register(registry, "assign");
    }

    @Test
    void assignsFewNewEventsToTheCentersAndRunsInFullWhenDue() {
        TestServer server = new TestServer(port);
        List<String> device = Samples.linesOfDevice(Samples.newDevice());

        store(server, device);
        JsonNode full = awaitResultCovering(server, 1000);
        assertThat(full.get("kind").asString()).isEqualTo("full");
        Map<Long, Integer> before = labelsById();

        // 250 new events, below 90% of 1000: assigned to the centers the full run found.
        store(server, device.subList(0, 250));
        JsonNode assigned = awaitResultCovering(server, 1250);
        assertThat(assigned.get("kind").asString()).isEqualTo("assignment");
        assertThat(assigned.get("last_run").get("kind").asString()).isEqualTo("assignment");
        assertThat(assigned.get("bandwidth").asDouble())
                .isEqualTo(full.get("bandwidth").asDouble());
        assertThat(assigned.get("events_clustered").asLong()).isEqualTo(1000);
        assertThat(assigned.get("events_skipped").asLong()).isZero();
        assertThat(centers(assigned)).isEqualTo(centers(full));
        assertLabelsAreNearestCenters(assigned, before);
        assertThat(assigned.get("clusters")
                        .valueStream()
                        .mapToLong(c -> c.get("count").asLong())
                        .sum())
                .as("the cluster counts include the assigned events")
                .isEqualTo(1250);

        // 500 new since the full run, still below 90%, but every second run is full.
        store(server, device.subList(250, 500));
        assertThat(awaitResultCovering(server, 1500).get("kind").asString()).isEqualTo("full");

        // 1500 new events at once: more than 90% of the 1500 the full run covered.
        List<String> many = new ArrayList<>(device);
        many.addAll(device.subList(0, 500));
        store(server, many);
        assertThat(awaitResultCovering(server, 3000).get("kind").asString()).isEqualTo("full");

        store(server, device.subList(500, 750));
        assertThat(awaitResultCovering(server, 3250).get("kind").asString()).isEqualTo("assignment");
    }

    /**
     * Events the full run covered keep their labels; each new one is labelled with its nearest
     * center, or as an orphan (-1) beyond the bandwidth.
     */
    private void assertLabelsAreNearestCenters(JsonNode summary, Map<Long, Integer> before) {
        double bandwidth = summary.get("bandwidth").asDouble();
        List<double[]> centers = results.current().stream()
                .map(stored -> stored.row().center())
                .filter(center -> center != null)
                .toList();
        ClusterLabels current = labels.current();
        assertThat(current.size()).isEqualTo(1250);
        Features all = features.all(new FeatureReader.Skipped());
        double[] coordinates = all.coordinates();
        int assigned = 0;
        for (int i = 0; i < all.size(); i++) {
            long id = all.id(i);
            Integer label = current.labelOf(id);
            if (before.containsKey(id)) {
                assertThat(label)
                        .as("label of event %d, covered by the full run", id)
                        .isEqualTo(before.get(id));
                continue;
            }
            assigned++;
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centers.size(); c++) {
                double squared = 0;
                for (int j = 0; j < Features.DIMENSION; j++) {
                    double d = coordinates[i * Features.DIMENSION + j] - centers.get(c)[j];
                    squared += d * d;
                }
                if (squared < best) {
                    best = squared;
                    nearest = c;
                }
            }
            int expected = Math.sqrt(best) <= bandwidth ? nearest : -1;
            assertThat(label).as("label of new event %d", id).isEqualTo(expected);
        }
        assertThat(assigned).isEqualTo(250);
    }

    private Map<Long, Integer> labelsById() {
        ClusterLabels current = labels.current();
        Features all = features.all(new FeatureReader.Skipped());
        Map<Long, Integer> byId = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            byId.put(all.id(i), current.labelOf(all.id(i)));
        }
        return byId;
    }

    private static List<String> centers(JsonNode summary) {
        return summary.get("clusters")
                .valueStream()
                .filter(cluster -> cluster.has("center"))
                .map(cluster -> cluster.get("center").toString())
                .toList();
    }

    private static void store(TestServer server, List<String> lines) {
        assertThat(server.postText(String.join("\n", lines)).status()).isEqualTo(200);
    }

    private static JsonNode awaitResultCovering(TestServer server, long events) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> server.get("/clusters/summary")
                                .json()
                                .get("events_covered")
                                .asLong(-1)
                        == events);
        return server.get("/clusters/summary").json();
    }
}
