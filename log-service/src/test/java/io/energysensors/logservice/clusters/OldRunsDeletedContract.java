package io.energysensors.logservice.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import io.energysensors.logservice.RunningService;
import io.energysensors.logservice.Samples;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Each run deletes the runs beyond the latest {@code keep-runs} (3 here), in its own transaction,
 * but never the run whose result is current, however many runs failed since. Scope {@code recent}
 * over the last 100 events, so that the test decides whether a run succeeds or fails.
 */
@TestPropertySource(
        properties = {
            "energy-sensors.clustering.keep-runs=3",
            "energy-sensors.clustering.scope=recent",
            "energy-sensors.clustering.max-events=100",
            "energy-sensors.clustering.every-events=1000000000"
        })
abstract class OldRunsDeletedContract extends RunningService {

    private static final int KEEP = 3;

    @Autowired
    private ClusteringScheduler scheduler;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void keepsTheLatestRunsAndTheCurrentOne() {
        storeSampleLines();
        RunRecord good = scheduler.runNow("old runs test, varied events");
        assertThat(good.status()).isEqualTo(RunStatus.SUCCEEDED);

        // 100 copies of one event are now the most recent: their bandwidth is 0, every run fails.
        long copies = Samples.newDevice();
        String copy = Samples.withDevice(Samples.lines().get(0), copies);
        assertThat(server.postText(String.join("\n", Collections.nCopies(100, copy)))
                        .status())
                .isEqualTo(200);
        long lastFailed = 0;
        for (int i = 0; i < KEEP + 2; i++) {
            RunRecord failed = scheduler.runNow("old runs test, failing " + i);
            assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
            lastFailed = failed.id();
        }

        assertThat(runIds())
                .as("the current run and the latest three")
                .containsExactly(good.id(), lastFailed - 2, lastFailed - 1, lastFailed);
        assertThat(currentRunId()).isEqualTo(good.id());
        assertThat(membershipRunIds()).containsOnly(good.id());

        storeSampleLines();
        RunRecord next = scheduler.runNow("old runs test, varied again");
        assertThat(next.status()).isEqualTo(RunStatus.SUCCEEDED);

        assertThat(runIds()).containsExactly(lastFailed - 1, lastFailed, next.id());
        assertThat(currentRunId()).isEqualTo(next.id());
        assertThat(membershipRunIds()).containsOnly(next.id());
        assertThat(jdbc.queryForList("SELECT DISTINCT run_id FROM cluster", Long.class))
                .containsOnly(next.id());
    }

    private void storeSampleLines() {
        List<String> lines = Samples.linesOfDevice(Samples.newDevice()).subList(0, 100);
        assertThat(server.postText(String.join("\n", lines)).status()).isEqualTo(200);
    }

    private List<Long> runIds() {
        return jdbc.queryForList("SELECT id FROM clustering_run ORDER BY id", Long.class);
    }

    private long currentRunId() {
        return jdbc.queryForObject("SELECT current_run_id FROM clustering_state WHERE id = 1", Long.class);
    }

    private List<Long> membershipRunIds() {
        return jdbc.queryForList("SELECT DISTINCT run_id FROM cluster_membership", Long.class);
    }
}
