package io.energysensors.logservice.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;

import io.energysensors.logservice.FreshDataDir;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.TestServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import tools.jackson.databind.JsonNode;

/**
 * Count-triggered runs keep to their CPU budget: on a clock held still by the test, the run that
 * comes due after another waits, every count that comes due meanwhile joins it, and it starts
 * once the clock passes the time the summary names. An operator's request is not held back.
 * Half a core: each run is followed by a rest as long as it took.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"energy-sensors.clustering.every-events=1000", "energy-sensors.clustering.cpu-share=0.5"})
class ClusteringWaitsForItsBudgetTests {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final HeldClock CLOCK = new HeldClock(START);

    @LocalServerPort
    private int port;

    @TestBean(name = ClusteringExecutorConfiguration.CLOCK)
    private java.time.Clock clock;

    static java.time.Clock clusteringClock() {
        return CLOCK;
    }

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws IOException {
        FreshDataDir.register(registry, "budget");
    }

    @Test
    void aDueRunWaitsForItsBudgetAndTakesEveryCountThatCameDueMeanwhile() {
        TestServer server = new TestServer(port);
        store(server);
        JsonNode first = awaitRunCovering(server, 1000);
        assertThat(first.get("next_run_due_at").isNull()).as(first.toString()).isTrue();
        long firstRun = first.get("last_run").get("id").asLong();

        store(server);
        store(server);
        store(server);

        // The clock stands still inside the rest: the run is due, and waits.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !summary(server).get("next_run_due_at").isNull());
        JsonNode waiting = summary(server);
        Instant due = Instant.parse(waiting.get("next_run_due_at").asString());
        assertThat(due).isAfter(START);
        assertThat(waiting.get("last_run").get("id").asLong()).isEqualTo(firstRun);
        assertThat(waiting.get("events_covered").asLong()).isEqualTo(1000);

        CLOCK.advance(Duration.between(START, due));

        JsonNode caughtUp = awaitRunCovering(server, 4000);
        assertThat(caughtUp.get("last_run").get("id").asLong())
                .as("one run for the three counts that came due")
                .isEqualTo(firstRun + 1);
        assertThat(caughtUp.get("last_run").get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(caughtUp.get("next_run_due_at").isNull()).isTrue();

        // Resting again after that run, on a clock that stands still: an operator's request runs at once.
        store(server);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !summary(server).get("next_run_due_at").isNull());
        assertThat(server.send(HttpRequest.newBuilder(URI.create(server.base() + "/clusters/recompute"))
                                .POST(HttpRequest.BodyPublishers.noBody()))
                        .status())
                .isEqualTo(202);
        JsonNode requested = awaitRunCovering(server, 5000);
        assertThat(requested.get("last_run").get("trigger").asString()).isEqualTo("POST /clusters/recompute");
    }

    private static void store(TestServer server) {
        assertThat(server.postText(String.join("\n", Samples.linesOfDevice(Samples.newDevice())))
                        .status())
                .isEqualTo(200);
    }

    private static JsonNode awaitRunCovering(TestServer server, long events) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> summary(server).get("events_covered").asLong(-1) == events);
        return summary(server);
    }

    private static JsonNode summary(TestServer server) {
        return server.get("/clusters/summary").json();
    }
}
