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
import io.energysensors.logservice.TestServer;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The count behind every-events lives in the database: 999 events stored before a restart and 1
 * after it make the 1000 that start a run. Two real service lifetimes over one H2 file.
 */
class TriggerCountSurvivesRestartTests {

    @Test
    void eventsStoredBeforeARestartCountTowardsTheNextRun() throws IOException {
        Path dataDir = Files.createTempDirectory("log-service-restart-");
        List<String> sample = Samples.lines();

        try (ConfigurableApplicationContext first = start(dataDir)) {
            TestServer server = serverOf(first);
            Reply stored = server.postText(String.join("\n", sample.subList(0, 999)));
            assertThat(stored.status()).as(stored.body()).isEqualTo(200);
            assertThat(server.get("/clusters/summary").json().get("last_run").isNull())
                    .isTrue();
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            TestServer server = serverOf(second);
            assertThat(server.get("/events/count").json().get("count").asLong()).isEqualTo(999);
            assertThat(server.postText(sample.get(999)).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                var summary = server.get("/clusters/summary").json();
                assertThat(summary.path("last_run").path("status").asString()).isEqualTo("SUCCEEDED");
                assertThat(summary.path("events_covered").asLong()).isEqualTo(1000);
            });
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(LogServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--energy-sensors.data-dir=" + dataDir,
                        "--energy-sensors.clustering.every-events=1000");
    }

    private static TestServer serverOf(ConfigurableApplicationContext context) {
        return new TestServer(
                ((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
