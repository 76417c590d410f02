package io.energysensors.logservice.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.energysensors.logservice.OnPostgres;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.StoredEvents;
import io.energysensors.logservice.TestServer;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two log-service instances share one real PostgreSQL and only one clusters: the other serves
 * the new labels from its first read after the run commits, never the labels it held before.
 */
class SecondInstanceSeesNewLabelsTests extends OnPostgres {

    @Autowired
    private ClusteringScheduler scheduler;

    @Test
    void theOtherInstanceServesTheNewLabelsRightAfterTheRunCommits() {
        try (ConfigurableApplicationContext otherInstance = startAnotherCopy(1_000_000_000)) {
            TestServer other = serverOf(otherInstance);
            LabelCache otherLabels = otherInstance.getBean(LabelCache.class);

            long firstDevice = Samples.newDevice();
            assertThat(server.postText(String.join("\n", Samples.linesOfDevice(firstDevice)))
                            .status())
                    .isEqualTo(200);
            RunRecord firstRun = runNow();
            assertSameLabels(other, firstDevice);
            assertThat(otherLabels.current().runId()).isGreaterThanOrEqualTo(firstRun.id());

            // Stored through the other instance, which never clusters: only this one's run labels them.
            long secondDevice = Samples.newDevice();
            Reply stored = other.postText(String.join("\n", Samples.linesOfDevice(secondDevice)));
            assertThat(stored.status()).as(stored.body()).isEqualTo(200);
            RunRecord secondRun = runNow();

            assertSameLabels(other, secondDevice);
            assertThat(otherLabels.current().runId())
                    .isGreaterThanOrEqualTo(secondRun.id())
                    .isGreaterThan(firstRun.id());
        }
    }

    /** This instance may be clustering in the background already: retry while it holds the lock. */
    private RunRecord runNow() {
        RunRecord[] run = new RunRecord[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            run[0] = scheduler.runNow("second instance test");
            return run[0].status() == RunStatus.SUCCEEDED;
        });
        return run[0];
    }

    /** Read on the other instance first, straight after the run: no waiting for it to catch up. */
    private void assertSameLabels(TestServer other, long device) {
        List<JsonNode> there = StoredEvents.ofDevice(other, device);
        List<JsonNode> here = StoredEvents.ofDevice(server, device);
        assertThat(there).hasSize(Samples.lines().size()).hasSameSizeAs(here);
        for (int i = 0; i < here.size(); i++) {
            assertThat(there.get(i).get("cluster").isNull())
                    .as("event %d labelled", i)
                    .isFalse();
            assertThat(there.get(i).get("cluster"))
                    .as("event %d", i)
                    .isEqualTo(here.get(i).get("cluster"));
        }
    }
}
