package io.energysensors.logservice.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.energysensors.format.LineParser;
import io.energysensors.format.json.LineJson;
import io.energysensors.logservice.EmbeddedPostgresHolder;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.ServiceProcess;
import io.energysensors.logservice.StoredEvents;
import io.energysensors.logservice.TestServer;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent clients post single lines and small batches, text and JSON, while the service (a real
 * child JVM) is killed with SIGKILL at a seeded random moment, then restarted on the same data,
 * three times over. Every event carries a unique Dummy value, so each can be found again: an
 * acknowledged batch is stored whole and once, an unanswered one whole or not at all, and what a
 * restart found stays found.
 */
class CrashRecoveryTests {

    private static final long SEED = 7_2026_1128L;
    private static final int CLIENTS = 4;
    private static final int KILLS = 3;
    /** Each round kills after at least this many more acknowledged events, plus a seeded random number. */
    private static final int MIN_ACKS_PER_ROUND = 150;

    private static final int RANDOM_ACKS_PER_ROUND = 450;
    private static final int MAX_BATCH = 12;
    private static final String SAMPLE_DUMMY = "Dummy: 20";

    private static final LineParser PARSER = new LineParser();
    private static final LineJson LINE_JSON = new LineJson();

    @TempDir
    Path dir;

    @Test
    void keepsAcknowledgedBatchesWholeAndOnceAcrossRepeatedSigkillsOnH2() throws Exception {
        assertSurvivesRepeatedKills(List.of("--energy-sensors.data-dir=" + dir.resolve("db")));
    }

    @Test
    void keepsAcknowledgedBatchesWholeAndOnceAcrossRepeatedSigkillsOnPostgres() throws Exception {
        assertSurvivesRepeatedKills(List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + EmbeddedPostgresHolder.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres"));
    }

    private void assertSurvivesRepeatedKills(List<String> database) throws Exception {
        Random moments = new Random(SEED);
        long device = Samples.newDevice();
        Ledger ledger = new Ledger();
        ServiceProcess service = ServiceProcess.start(dir.resolve("run-0.log"), database);
        for (int round = 1; round <= KILLS; round++) {
            int target = ledger.acknowledgedEvents() + MIN_ACKS_PER_ROUND + moments.nextInt(RANDOM_ACKS_PER_ROUND);
            postUntilKilled(service, device, ledger, target, SEED + round);
            service = ServiceProcess.start(dir.resolve("run-" + round + ".log"), database);
            ledger.check(dummiesStored(service.server(), device), round);
        }
        service.close();
        assertThat(ledger.acknowledgedEvents()).isGreaterThanOrEqualTo(KILLS * MIN_ACKS_PER_ROUND);
    }

    private static void postUntilKilled(
            ServiceProcess service, long device, Ledger ledger, int acknowledgedTarget, long seed)
            throws InterruptedException {
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int client = 0; client < CLIENTS; client++) {
                Random random = new Random(seed * 31 + client);
                clients.submit(() -> post(service.server(), device, ledger, random, killed));
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> ledger.acknowledgedEvents() >= acknowledgedTarget);
            service.kill();
            killed.set(true);
        } finally {
            clients.shutdown();
            assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        }
    }

    /** Posts until the service is gone: half single lines, half batches of 2 to 12; a third as JSON. */
    private static void post(TestServer server, long device, Ledger ledger, Random random, AtomicBoolean killed) {
        while (!killed.get()) {
            int size = random.nextBoolean() ? 1 : 2 + random.nextInt(MAX_BATCH - 1);
            List<Long> dummies = ledger.newBatch(size);
            List<String> lines = new ArrayList<>();
            for (long dummy : dummies) {
                String sample =
                        Samples.lines().get(random.nextInt(Samples.lines().size()));
                lines.add(Samples.withDevice(sample, device).replace(SAMPLE_DUMMY, "Dummy: " + dummy));
            }
            Reply reply;
            try {
                if (random.nextInt(3) == 0) {
                    reply = server.post(
                            "application/json",
                            LINE_JSON
                                    .writeAll(lines.stream().map(PARSER::parse).toList())
                                    .getBytes(StandardCharsets.UTF_8));
                } else {
                    reply = server.postText(String.join("\n", lines));
                }
            } catch (UncheckedIOException e) {
                return;
            }
            ledger.answered(dummies, reply.status());
        }
    }

    private static List<Long> dummiesStored(TestServer server, long device) {
        return StoredEvents.ofDevice(server, device).stream()
                .map(event -> (long) event.get("dummy").asDouble())
                .toList();
    }

    /** Every batch sent and what became of it; a batch never answered is settled by the next restart. */
    private static final class Ledger {

        private enum Fate {
            ACKNOWLEDGED,
            REFUSED,
            UNANSWERED,
            FOUND_AFTER_CRASH,
            LOST_IN_CRASH
        }

        private final AtomicLong nextDummy = new AtomicLong();
        private final Map<List<Long>, Fate> batches = new ConcurrentHashMap<>();
        private final AtomicLong acknowledged = new AtomicLong();

        List<Long> newBatch(int size) {
            List<Long> dummies = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                dummies.add(nextDummy.getAndIncrement());
            }
            batches.put(dummies, Fate.UNANSWERED);
            return dummies;
        }

        void answered(List<Long> dummies, int status) {
            if (status == 200) {
                batches.put(dummies, Fate.ACKNOWLEDGED);
                acknowledged.addAndGet(dummies.size());
            } else {
                batches.put(dummies, Fate.REFUSED);
            }
        }

        int acknowledgedEvents() {
            return (int) acknowledged.get();
        }

        void check(List<Long> stored, int round) {
            Set<Long> present = new HashSet<>(stored);
            assertThat(present).as("round %d: no event stored twice", round).hasSize(stored.size());
            Set<Long> sent = new HashSet<>();
            Map<Fate, Integer> tally = new HashMap<>();
            for (Map.Entry<List<Long>, Fate> batch : batches.entrySet()) {
                List<Long> dummies = batch.getKey();
                sent.addAll(dummies);
                long found = dummies.stream().filter(present::contains).count();
                Fate fate = batch.getValue();
                String what = "round " + round + ": batch " + dummies + ", " + fate;
                switch (fate) {
                    case ACKNOWLEDGED, FOUND_AFTER_CRASH ->
                        assertThat(found).as(what).isEqualTo(dummies.size());
                    case REFUSED, LOST_IN_CRASH -> assertThat(found).as(what).isZero();
                    case UNANSWERED -> {
                        assertThat(found).as(what + ": whole or absent").isIn(0L, (long) dummies.size());
                        batches.put(dummies, found == 0 ? Fate.LOST_IN_CRASH : Fate.FOUND_AFTER_CRASH);
                    }
                }
                tally.merge(fate, 1, Integer::sum);
            }
            assertThat(sent)
                    .as("round %d: nothing stored that was not sent", round)
                    .containsAll(present);
            assertThat(tally.getOrDefault(Fate.REFUSED, 0))
                    .as("round %d: refused batches", round)
                    .isZero();
        }
    }
}
