package io.energysensors.logservice.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

import java.io.IOException;
import java.time.Duration;

import io.energysensors.logservice.FreshDataDir;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.TestServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

/**
 * A run that runs out of memory while reading the features is recorded as failed, in words, and
 * counted; the scheduler does not go on believing it is still running: the next count that comes
 * due starts a run that succeeds.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"energy-sensors.clustering.every-events=1000", "energy-sensors.clustering.cpu-share=1"})
class RunThatRunsOutOfMemoryTests {

    @LocalServerPort
    private int port;

    @MockitoSpyBean
    private FeatureReader reader;

    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws IOException {
        FreshDataDir.register(registry, "out-of-memory");
    }

    @Test
    void theFailureIsRecordedInWordsAndTheNextCountStartsARun() {
        doThrow(new OutOfMemoryError("Java heap space"))
                .doCallRealMethod()
                .when(reader)
                .all(any(FeatureReader.Skipped.class));
        TestServer server = new TestServer(port);

        store(server);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> !summary(server).get("last_run").isNull());
        JsonNode failed = summary(server).get("last_run");
        assertThat(failed.get("status").asString()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.get("reason").asString())
                .isEqualTo("the run ran out of memory")
                .doesNotContain("Error", "java.", "heap space");
        assertThat(meters.get("energy_sensors.clustering.runs")
                        .tag("status", "FAILED")
                        .timer()
                        .count())
                .isEqualTo(1);

        store(server);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> summary(server).get("events_covered").asLong(-1) == 2000);
        JsonNode recovered = summary(server).get("last_run");
        assertThat(recovered.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(recovered.get("id").asLong()).isGreaterThan(failed.get("id").asLong());
    }

    private static void store(TestServer server) {
        assertThat(server.postText(String.join("\n", Samples.linesOfDevice(Samples.newDevice())))
                        .status())
                .isEqualTo(200);
    }

    private static JsonNode summary(TestServer server) {
        return server.get("/clusters/summary").json();
    }
}
