package io.energysensors.logservice.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import io.energysensors.logservice.Samples;
import io.energysensors.logservice.events.ClusterLabels;
import io.energysensors.logservice.ingest.StoredWithoutHttp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clustering runs over a real H2 file database with the migrations, and no application around
 * them: the run, its reads and writes, and the summary as GET /clusters/summary answers it.
 */
class ClusteringRunTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    private JdbcTemplate jdbc;
    private StoredWithoutHttp events;

    @BeforeEach
    void migrate() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dataDir.resolve("events") + ";WRITE_DELAY=0");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).load().migrate();
        jdbc = new JdbcTemplate(h2);
        events = new StoredWithoutHttp(h2);
    }

    /**
     * Events that cannot be placed are skipped and counted, and a run that cannot cluster is
     * recorded with its reason while the previous result stays. Scope {@code recent} over the
     * last 1003 events.
     */
    @Test
    void skipsUnplaceableEventsThenKeepsTheResultWhenARunFails() throws Exception {
        Run run = new Run(new ClusteringProperties(1_000_000_000, Scope.RECENT, 1003, 0, 1e9));
        String first = Samples.lines().get(0);
        long poisonedDevice = Samples.newDevice();
        List<String> poisoned = List.of(
                Samples.withDevice(first.replaceFirst("Peaks: [^ ]*;", "Peaks: 7.33;7.31;"), poisonedDevice),
                Samples.withDevice(first.replace("Active=1753W", "Active=1e12W"), poisonedDevice),
                Samples.withDevice(first.replace("Voltage=230.08V", "Voltage=-4e15V"), poisonedDevice));
        events.store(Samples.lines());
        events.store(poisoned);

        JsonNode good = run.recompute("SUCCEEDED");

        // The 3 poisoned events are the most recent: skipped, the 1000 sample events clustered as the original.
        Reference.assertMatches(good);
        assertThat(good.get("events_skipped").asLong()).isEqualTo(3);
        assertThat(good.get("events_covered").asLong()).isEqualTo(1000);
        assertThat(run.labelsOfDevice(poisonedDevice)).hasSize(3).containsOnlyNulls();
        int[] labels = Reference.labels();
        List<Integer> sample = run.labelsOfDevice(1);
        for (int i = 0; i < labels.length; i++) {
            assertThat(sample.get(i)).isEqualTo(labels[i]);
        }

        // 1003 copies of one event are now the most recent: their bandwidth is 0.
        long copies = Samples.newDevice();
        events.store(Collections.nCopies(1003, Samples.withDevice(first, copies)));
        JsonNode afterFailure = run.recompute("FAILED");

        assertThat(afterFailure.get("last_run").get("reason").asString()).contains("bandwidth is 0");
        assertThat(afterFailure.get("run_id").asLong())
                .isEqualTo(good.get("run_id").asLong());
        Reference.assertMatches(afterFailure);
        assertThat(run.labelsOfDevice(copies)).containsOnlyNulls();
    }

    /** The service's clustering parts as the application wires them, over this test's database. */
    private final class Run {

        private final Memberships memberships = new Memberships(jdbc);
        private final ClusteringRuns runs;
        /** Its summary reads only the stored result: the members and the trigger stay unused. */
        private final ClustersController controller = new ClustersController(new ResultReader(jdbc), null, null);

        Run(ClusteringProperties properties) throws Exception {
            runs = new ClusteringRuns(
                    new FeatureReader(jdbc.getDataSource(), properties),
                    new ResultWriter(jdbc),
                    memberships,
                    new ClusteringLock(jdbc, jdbc.getDataSource()),
                    properties,
                    new DataSourceTransactionManager(jdbc.getDataSource()),
                    new SimpleMeterRegistry());
        }

        /** A run now, then the summary, whose last run must have ended with {@code status}. */
        JsonNode recompute(String status) {
            runs.run("POST /clusters/recompute");
            JsonNode summary = JSON.valueToTree(controller.summary());
            assertThat(summary.get("last_run").get("status").asString())
                    .as(summary.toString())
                    .isEqualTo(status);
            return summary;
        }

        /** The current label of each of the device's events, in the order they were stored. */
        List<Integer> labelsOfDevice(long device) {
            ClusterLabels current = memberships.current();
            return jdbc
                    .queryForList("SELECT id FROM sensor_event WHERE device_id = ? ORDER BY id", Long.class, device)
                    .stream()
                    .map(current::labelOf)
                    .toList();
        }
    }
}
