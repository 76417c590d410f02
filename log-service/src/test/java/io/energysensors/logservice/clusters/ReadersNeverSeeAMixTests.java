package io.energysensors.logservice.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.energysensors.logservice.FreshDataDir;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.TestServer;
import io.energysensors.logservice.events.ClusterLabels;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * While results are replaced one after another, every read sees one result whole: each
 * replacement labels every event with the same label, a different one each time, and stores
 * them in 10 rows, so a read that mixed two results, or caught one half stored, would show two
 * labels or none. Read over HTTP on this instance (labels published on commit) and through a
 * second {@link LabelCache} over the same database, which loads each new result from the
 * stored rows as another instance would. H2 file database.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "energy-sensors.clustering.every-events=1000000000")
class ReadersNeverSeeAMixTests {

    private static final int REPLACEMENTS = 40;
    private static final int READS = 15;

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ResultWriter writer;

    @Autowired
    private LabelCache labelCache;

    @Autowired
    private PlatformTransactionManager transactions;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws IOException {
        FreshDataDir.register(registry, "no-mix");
    }

    @Test
    void everyReadSeesOneWholeResultWhileResultsAreReplaced() throws Exception {
        TestServer server = new TestServer(port);
        assertThat(server.postText(String.join("\n", Samples.lines())).status()).isEqualTo(200);
        long[] ids = jdbc.queryForList("SELECT id FROM sensor_event ORDER BY id", Long.class).stream()
                .mapToLong(Long::longValue)
                .toArray();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> replaceAllWith(0, ids));
        int replacements = 1;
        LabelCache otherInstance = new LabelCache(jdbc);
        AtomicBoolean replacing = new AtomicBoolean(true);
        List<String> mixes = new CopyOnWriteArrayList<>();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        List<AtomicInteger> reads = List.of(new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            done.add(readers.submit(() -> readUntilDone(replacing, reads.get(0), () -> {
                ClusterLabels labels = otherInstance.current();
                checkWhole("stored rows of run " + labels.runId(), labelsOf(labels, ids), ids.length, mixes, seen);
                // An instance starting now loads whatever is current, racing every replacement.
                ClusterLabels starting = new LabelCache(jdbc).current();
                checkWhole(
                        "stored rows of run " + starting.runId() + " at start-up",
                        labelsOf(starting, ids),
                        ids.length,
                        mixes,
                        seen);
            })));
            done.add(readers.submit(() -> readUntilDone(replacing, reads.get(1), () -> {
                JsonNode page = server.get("/events?size=1000").json().get("events");
                List<Integer> labels = new ArrayList<>();
                page.forEach(event -> labels.add(
                        event.get("cluster").isNull()
                                ? null
                                : event.get("cluster").asInt()));
                checkWhole("GET /events", labels, ids.length, mixes, seen);
            })));
            done.add(readers.submit(() -> readUntilDone(replacing, reads.get(2), () -> {
                JsonNode points =
                        server.get("/dashboard/points?limit=20000").json().get("points");
                List<Integer> labels = new ArrayList<>();
                points.forEach(point ->
                        labels.add(point.get(8).isNull() ? null : point.get(8).asInt()));
                checkWhole("GET /dashboard/points", labels, ids.length, mixes, seen);
            })));

            // Replacing goes on until every reader has read often enough while it does.
            while (replacements < REPLACEMENTS || reads.stream().anyMatch(count -> count.get() < READS)) {
                int label = replacements++ % 5;
                transaction.executeWithoutResult(status -> replaceAllWith(label, ids));
            }
            replacing.set(false);
            for (Future<?> reader : done) {
                reader.get();
            }
        } finally {
            replacing.set(false);
            readers.shutdown();
        }

        assertThat(mixes).isEmpty();
        assertThat(seen).as("the readers saw results change").hasSizeGreaterThan(1);
        int last = (replacements - 1) % 5;
        assertThat(Set.copyOf(labelsOf(otherInstance.current(), ids))).containsExactly(last);
        assertThat(Set.copyOf(labelsOf(labelCache.current(), ids))).containsExactly(last);
    }

    /** As a run replaces the result: clear, store, publish on commit, make current. */
    private void replaceAllWith(int label, long[] ids) {
        long runId = writer.insertRun(
                RunRecord.startingNow("mix test", Scope.ALL).read(ids.length, 0).succeeded(ids.length, 0, 1.0, 5));
        int[] labels = new int[ids.length];
        Arrays.fill(labels, label);
        writer.clearResult();
        writer.insertLabels(runId, ids, labels, ids.length / 10);
        labelCache.publishOnCommit(new ClusterLabels(runId, ids, labels));
        writer.makeCurrent(runId);
    }

    private static List<Integer> labelsOf(ClusterLabels labels, long[] ids) {
        List<Integer> found = new ArrayList<>(ids.length);
        for (long id : ids) {
            found.add(labels.labelOf(id));
        }
        return found;
    }

    /** Every event has a label, the same one. */
    private static void checkWhole(
            String what, List<Integer> labels, int events, List<String> mixes, Set<Integer> seen) {
        Set<Integer> distinct = new HashSet<>(labels);
        if (labels.size() != events || distinct.size() != 1 || distinct.contains(null)) {
            mixes.add(what + ": " + labels.size() + " labels, distinct " + distinct);
        } else {
            seen.add(distinct.iterator().next());
        }
    }

    private interface Read {
        void run() throws Exception;
    }

    private static Void readUntilDone(AtomicBoolean replacing, AtomicInteger reads, Read read) throws Exception {
        while (replacing.get()) {
            read.run();
            reads.incrementAndGet();
        }
        return null;
    }
}
