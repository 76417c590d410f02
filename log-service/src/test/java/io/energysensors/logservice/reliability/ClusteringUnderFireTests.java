package io.energysensors.logservice.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.energysensors.logservice.FreshDataDir;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.TestServer;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Clustering every 50 events while clients post, poisoned events among them, and
 * POST /clusters/recompute asked for over and over; GET /clusters/summary, polled all along, is
 * always one whole result, never older than the one before. At the end one more run covers every
 * placeable event and skips exactly the poisoned ones. Its own H2 database, so the count is exact.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "energy-sensors.clustering.every-events=50")
class ClusteringUnderFireTests {

    private static final long SEED = 7_50L;
    private static final int POSTERS = 2;
    private static final int BATCHES_PER_POSTER = 120;
    private static final int MAX_BATCH = 20;
    private static final int RECOMPUTE_EVERY_POLLS = 5;
    private static final String FIRST = Samples.lines().get(0);
    /** Unplaceable: fewer than three peaks, or a clustered feature far beyond any sensor. */
    private static final List<String> SKIPPED = List.of(
            FIRST.replaceFirst("Peaks: [^ ]*;", "Peaks: 7.33;7.31;"),
            FIRST.replaceFirst("Peaks: [^ ]*;", "Peaks: 7.33;"),
            FIRST.replace("Active=1753W", "Active=1e300W"),
            FIRST.replace("Voltage=230.08V", "Voltage=-1e300V"),
            FIRST.replaceFirst("Peaks: 7.33199978;", "Peaks: 1e300;"));
    /** Odd but placeable: every feature zero, or an extreme value outside the clustered features. */
    private static final List<String> ODD = List.of(
            FIRST.replace("Active=1753W", "Active=0W")
                    .replace("Reactive=279var", "Reactive=0var")
                    .replace("Appearent=403VA", "Appearent=0VA")
                    .replace("Current=7.35900021", "Current=0")
                    .replace("Voltage=230.08V", "Voltage=0V")
                    .replaceFirst("Peaks: [^ ]*;", "Peaks: 0;0;0;"),
            FIRST.replace("hz: 49.87", "hz: 1e300"),
            FIRST.replace("Dummy: 20", "Dummy: -1e300"));

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws IOException {
        FreshDataDir.register(registry, "clustering-fire");
    }

    @Test
    void servesOnlyWholeResultsWhileClusteringUnderLoadAndEndsCoveringEveryPlaceableEvent() throws Exception {
        TestServer server = new TestServer(port);
        AtomicInteger skippedPosted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(POSTERS);
        List<Future<?>> posters = new ArrayList<>();
        for (int p = 0; p < POSTERS; p++) {
            Random random = new Random(SEED + p);
            posters.add(pool.submit(() -> post(server, random, skippedPosted)));
        }
        AtomicLong lastRunId = new AtomicLong(-1);
        AtomicLong lastCovered = new AtomicLong(-1);
        AtomicInteger polls = new AtomicInteger();
        try {
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(25))
                    .until(() -> {
                        JsonNode summary = assertWhole(server.get("/clusters/summary"));
                        assertNeverOlder(summary, lastRunId, lastCovered);
                        if (polls.incrementAndGet() % RECOMPUTE_EVERY_POLLS == 0) {
                            assertThat(server.send(HttpRequest.newBuilder(
                                                            URI.create(server.base() + "/clusters/recompute"))
                                                    .POST(HttpRequest.BodyPublishers.noBody()))
                                            .status())
                                    .isEqualTo(202);
                        }
                        return posters.stream().allMatch(Future::isDone);
                    });
            for (Future<?> poster : posters) {
                poster.get();
            }
        } finally {
            pool.shutdownNow();
        }

        long stored = server.get("/events/count").json().get("count").asLong();
        JsonNode last = awaitRunCovering(server, stored);
        assertThat(last.get("last_run").get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(last.get("events_skipped").asLong()).isEqualTo(skippedPosted.get());
        assertThat(last.get("events_covered").asLong()).isEqualTo(stored - skippedPosted.get());
        assertThat(polls.get()).as("summaries read while posting").isGreaterThan(10);
        assertThat(lastRunId.get()).as("results replaced while posting").isPositive();
    }

    /** Batches of 1 to 20 lines of the sample, with poisoned and odd lines in about a third of them. */
    private static void post(TestServer server, Random random, AtomicInteger skippedPosted) {
        for (int b = 0; b < BATCHES_PER_POSTER; b++) {
            List<String> lines = new ArrayList<>();
            int skipped = 0;
            for (int i = 1 + random.nextInt(MAX_BATCH); i > 0; i--) {
                int draw = random.nextInt(30);
                if (draw == 0) {
                    lines.add(SKIPPED.get(random.nextInt(SKIPPED.size())));
                    skipped++;
                } else if (draw == 1) {
                    lines.add(ODD.get(random.nextInt(ODD.size())));
                } else {
                    lines.add(Samples.lines().get(random.nextInt(Samples.lines().size())));
                }
            }
            Reply reply = server.postText(String.join("\n", lines));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            skippedPosted.addAndGet(skipped);
        }
    }

    /**
     * One result, whole: the counts of its clusters add up to the events it covers, labels are
     * the orphans (-1) and then 0, 1, 2, ... once each, and the run it names finished.
     */
    private static JsonNode assertWhole(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode summary = reply.json();
        JsonNode clusters = summary.get("clusters");
        JsonNode lastRun = summary.get("last_run");
        if (!lastRun.isNull()) {
            assertThat(lastRun.get("status").asString()).as(reply.body()).isIn("SUCCEEDED", "FAILED");
            if (lastRun.get("status").asString().equals("FAILED")) {
                assertThat(lastRun.get("reason").asString()).as(reply.body()).isNotBlank();
            }
        }
        if (summary.get("run_id").isNull()) {
            assertThat(clusters.isEmpty()).as(reply.body()).isTrue();
            return summary;
        }
        long counted = 0;
        Set<Integer> labels = new HashSet<>();
        int expectedLabel = clusters.get(0).get("label").asInt() == -1 ? -1 : 0;
        for (JsonNode cluster : clusters) {
            int label = cluster.get("label").asInt();
            assertThat(label).as("labels in order, once each: " + reply.body()).isEqualTo(expectedLabel);
            labels.add(label);
            expectedLabel = label + 1;
            assertThat(cluster.get("count").asLong()).as(reply.body()).isPositive();
            counted += cluster.get("count").asLong();
        }
        assertThat(labels).as(reply.body()).contains(0);
        assertThat(counted)
                .as("cluster counts add up to the events covered: " + reply.body())
                .isEqualTo(summary.get("events_covered").asLong());
        assertThat(summary.get("events_clustered").asLong())
                .as(reply.body())
                .isLessThanOrEqualTo(summary.get("events_covered").asLong());
        return summary;
    }

    /** Events are only added, so a newer result covers at least as many; an older one never comes back. */
    private static void assertNeverOlder(JsonNode summary, AtomicLong lastRunId, AtomicLong lastCovered) {
        if (summary.get("run_id").isNull()) {
            assertThat(lastRunId.get()).as("a result, once there, stays").isEqualTo(-1);
            return;
        }
        long runId = summary.get("run_id").asLong();
        long covered = summary.get("events_covered").asLong();
        assertThat(runId).isGreaterThanOrEqualTo(lastRunId.get());
        assertThat(covered).isGreaterThanOrEqualTo(lastCovered.get());
        lastRunId.set(runId);
        lastCovered.set(covered);
    }

    private static JsonNode awaitRunCovering(TestServer server, long stored) {
        AtomicLong asked = new AtomicLong();
        return await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            if (asked.getAndIncrement() % 25 == 0) {
                                server.send(HttpRequest.newBuilder(URI.create(server.base() + "/clusters/recompute"))
                                        .POST(HttpRequest.BodyPublishers.noBody()));
                            }
                            return assertWhole(server.get("/clusters/summary"));
                        },
                        summary -> !summary.get("run_id").isNull()
                                && summary.get("events_covered").asLong()
                                                + summary.get("events_skipped").asLong()
                                        == stored);
    }
}
