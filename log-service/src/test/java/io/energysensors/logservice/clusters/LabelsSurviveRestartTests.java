package io.energysensors.logservice.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.energysensors.logservice.LogServiceApplication;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.StoredEvents;
import io.energysensors.logservice.TestServer;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The labels held in memory are loaded from the stored ones: after a restart that runs
 * nothing, every event still carries its label, on every endpoint that shows one. Two real
 * service lifetimes over one H2 file.
 */
class LabelsSurviveRestartTests {

    @Test
    void aRestartServesTheStoredLabelsWithoutRunningAgain() throws IOException {
        Path dataDir = Files.createTempDirectory("log-service-labels-restart-");
        long runId;

        try (ConfigurableApplicationContext first = start(dataDir, 1000)) {
            TestServer server = serverOf(first);
            Reply stored = server.postText(String.join("\n", Samples.lines()));
            assertThat(stored.status()).as(stored.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> "SUCCEEDED"
                            .equals(server.get("/clusters/summary")
                                    .json()
                                    .path("last_run")
                                    .path("status")
                                    .asString()));
            runId = server.get("/clusters/summary").json().get("run_id").asLong();
        }

        try (ConfigurableApplicationContext second = start(dataDir, 1_000_000_000)) {
            TestServer server = serverOf(second);
            assertThat(second.getBean(LabelCache.class).current().runId()).isEqualTo(runId);

            JsonNode summary = server.get("/clusters/summary").json();
            assertThat(summary.get("last_run").get("id").asLong())
                    .as("no run since the restart")
                    .isEqualTo(runId);
            List<JsonNode> events = StoredEvents.ofDevice(server, 1);
            int[] expected = Reference.labels();
            assertThat(events).hasSize(expected.length);
            for (int i = 0; i < expected.length; i++) {
                assertThat(events.get(i).get("cluster").asInt())
                        .as("line %d", i + 1)
                        .isEqualTo(expected[i]);
            }
            long id = events.get(0).get("id").asLong();
            assertThat(server.get("/events/" + id).json().get("cluster").asInt())
                    .isEqualTo(expected[0]);
            for (JsonNode cluster : summary.get("clusters")) {
                int label = cluster.get("label").asInt();
                JsonNode page =
                        server.get("/clusters/" + label + "/events?size=1000").json();
                assertThat(page.get("total_elements").asLong())
                        .isEqualTo(cluster.get("count").asLong());
                page.get("events")
                        .forEach(event ->
                                assertThat(event.get("cluster").asInt()).isEqualTo(label));
            }
            JsonNode points = server.get("/dashboard/points?limit=20000").json().get("points");
            assertThat(points.size()).isEqualTo(expected.length);
            for (int i = 0; i < expected.length; i++) {
                assertThat(points.get(i).get(8).asInt()).as("point %d", i).isEqualTo(expected[i]);
            }
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, long everyEvents) {
        return new SpringApplicationBuilder(LogServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--energy-sensors.data-dir=" + dataDir,
                        "--energy-sensors.clustering.every-events=" + everyEvents);
    }

    private static TestServer serverOf(ConfigurableApplicationContext context) {
        return new TestServer(
                ((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
