package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.energysensors.logservice.EmbeddedPostgresHolder;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.ServiceProcess;
import io.energysensors.logservice.StoredEvents;
import io.energysensors.logservice.TestServer;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged means durable: the service runs as a real child process, is killed with SIGKILL
 * while posts are in flight, and restarted on the same database: H2 files, or a PostgreSQL that
 * stays up while the service dies.
 */
class KillRecoveryTests {

    private static final int POSTERS = 3;
    private static final int ACKS_BEFORE_KILL = 300;

    @TempDir
    Path dataDir;

    @Test
    void keepsEveryAcknowledgedEventExactlyOnceAfterSigkillOnH2() throws Exception {
        assertSurvivesSigkill("--energy-sensors.data-dir=" + dataDir.resolve("db"));
    }

    @Test
    void keepsEveryAcknowledgedEventExactlyOnceAfterSigkillOnPostgres() throws Exception {
        assertSurvivesSigkill(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + EmbeddedPostgresHolder.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres");
    }

    private void assertSurvivesSigkill(String... database) throws Exception {
        long device = Samples.newDevice();
        String template = Samples.withDevice(Samples.lines().get(0), device);
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();

        try (ServiceProcess first = ServiceProcess.start(dataDir.resolve("first.log"), List.of(database))) {
            TestServer server = first.server();
            AtomicBoolean killed = new AtomicBoolean();
            AtomicInteger nextDummy = new AtomicInteger();
            ExecutorService posters = Executors.newFixedThreadPool(POSTERS);
            for (int i = 0; i < POSTERS; i++) {
                posters.submit(() -> postUntilKilled(server, template, nextDummy, acknowledged, killed));
            }
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> acknowledged.size() >= ACKS_BEFORE_KILL || !first.isAlive());
            first.kill();
            killed.set(true);
            posters.shutdown();
            assertThat(posters.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(acknowledged).as("acknowledged before the kill").hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        try (ServiceProcess second = ServiceProcess.start(dataDir.resolve("second.log"), List.of(database))) {
            List<Integer> stored = StoredEvents.ofDevice(second.server(), device).stream()
                    .map(event -> (int) event.get("dummy").asDouble())
                    .toList();

            assertThat(new HashSet<>(stored)).as("no event stored twice").hasSize(stored.size());
            assertThat(stored).containsAll(acknowledged);
        }
    }

    /** Posts 1 to 4 lines at a time, each with a fresh Dummy value, remembering every 200. */
    private static void postUntilKilled(
            TestServer server,
            String template,
            AtomicInteger nextDummy,
            Set<Integer> acknowledged,
            AtomicBoolean killed) {
        while (!killed.get()) {
            List<Integer> dummies = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            int count = 1 + nextDummy.get() % 4;
            for (int i = 0; i < count; i++) {
                int dummy = nextDummy.getAndIncrement();
                dummies.add(dummy);
                lines.add(template.replace("Dummy: 20", "Dummy: " + dummy));
            }
            Reply reply;
            try {
                reply = server.postText(String.join("\n", lines));
            } catch (UncheckedIOException e) {
                return;
            }
            if (reply.status() == 200) {
                acknowledged.addAll(dummies);
            }
        }
    }
}
