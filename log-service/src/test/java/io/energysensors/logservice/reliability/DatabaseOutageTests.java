package io.energysensors.logservice.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.energysensors.logservice.RestartablePostgres;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.StoredEvents;
import io.energysensors.logservice.TestServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL stops while clients post and starts again on the same data directory and port: posts
 * meanwhile get 503 problems with Retry-After and store nothing, health goes DOWN, and when the
 * database is back the service recovers by itself: health UP, posts stored, none lost. Its own
 * PostgreSQL, so stopping it disturbs no other test. The pool settings are the application's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class DatabaseOutageTests {

    private static final long SEED = 7_503L;
    private static final int CLIENTS = 3;
    private static final int ACKS_BEFORE_OUTAGE = 100;
    private static final int ACKS_AFTER_OUTAGE = 100;
    /** Long enough for the pool's connection timeout and a new PostgreSQL's start on a loaded machine. */
    private static final Duration RECOVERY = Duration.ofMinutes(2);

    private static final String SAMPLE_DUMMY = "Dummy: 20";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RestartablePostgres POSTGRES = new RestartablePostgres("outage");

    @LocalServerPort
    private int port;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @DynamicPropertySource
    static void ownPostgres(DynamicPropertyRegistry registry) {
        POSTGRES.register(registry);
    }

    @Test
    void refusesWith503WhileThePostgresIsDownAndRecoversWithoutLosingAnything() throws Exception {
        long device = Samples.newDevice();
        Map<List<Long>, Integer> answers = new ConcurrentHashMap<>();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong nextDummy = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        try {
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(SEED + c);
                clients.add(
                        pool.submit(() -> post(device, random, nextDummy, answers, acknowledged, unavailable, stop)));
            }
            await().atMost(RECOVERY).until(() -> noneFailed(clients) && acknowledged.get() >= ACKS_BEFORE_OUTAGE);

            POSTGRES.stop();
            await().atMost(RECOVERY).until(() -> noneFailed(clients) && health().statusCode() == 503);
            assertThat(JSON.readTree(health().body()).get("status").asString()).isEqualTo("DOWN");
            await().atMost(RECOVERY).until(() -> noneFailed(clients) && unavailable.get() >= CLIENTS);

            POSTGRES.start();
            long restarted = System.nanoTime();
            int acknowledgedBeforeRecovery = acknowledged.get();
            await().atMost(RECOVERY).until(() -> noneFailed(clients) && health().statusCode() == 200);
            long healthy = System.nanoTime();
            await().atMost(RECOVERY)
                    .until(() -> noneFailed(clients)
                            && acknowledged.get() >= acknowledgedBeforeRecovery + ACKS_AFTER_OUTAGE);
            System.out.printf(
                    "DatabaseOutageTests: %d acknowledged, %d answered 503; health UP %d ms after"
                            + " PostgreSQL started again%n",
                    acknowledged.get(), unavailable.get(), TimeUnit.NANOSECONDS.toMillis(healthy - restarted));
        } finally {
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        }
        for (Future<?> client : clients) {
            client.get();
        }

        assertStoredExactlyTheAcknowledged(device, answers);
        assertThat(JSON.readTree(health().body()).get("status").asString()).isEqualTo("UP");
    }

    /** A client that stopped early failed an assertion: rethrow it rather than time out. */
    private static boolean noneFailed(List<Future<?>> clients) throws ExecutionException, InterruptedException {
        for (Future<?> client : clients) {
            if (client.isDone()) {
                client.get();
                throw new IllegalStateException("a client stopped before it was told to");
            }
        }
        return true;
    }

    private void assertStoredExactlyTheAcknowledged(long device, Map<List<Long>, Integer> answers) {
        List<Long> stored = StoredEvents.ofDevice(new TestServer(port), device).stream()
                .map(event -> (long) event.get("dummy").asDouble())
                .toList();
        Set<Long> present = new HashSet<>(stored);
        assertThat(present).as("no event stored twice").hasSize(stored.size());
        Set<Long> acknowledged = new HashSet<>();
        answers.forEach((dummies, status) -> {
            if (status == 200) {
                acknowledged.addAll(dummies);
            } else {
                assertThat(dummies)
                        .as("refused with " + status + ", so not stored")
                        .doesNotContainAnyElementsOf(present);
            }
        });
        assertThat(present).as("exactly the acknowledged events").isEqualTo(acknowledged);
    }

    /** Posts batches of 1 to 5 lines; every answer is 200 or a 503 problem with Retry-After. */
    private void post(
            long device,
            Random random,
            AtomicLong nextDummy,
            Map<List<Long>, Integer> answers,
            AtomicInteger acknowledged,
            AtomicInteger unavailable,
            AtomicBoolean stop) {
        while (!stop.get()) {
            List<Long> dummies = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            for (int i = 1 + random.nextInt(5); i > 0; i--) {
                long dummy = nextDummy.getAndIncrement();
                dummies.add(dummy);
                String sample =
                        Samples.lines().get(random.nextInt(Samples.lines().size()));
                lines.add(Samples.withDevice(sample, device).replace(SAMPLE_DUMMY, "Dummy: " + dummy));
            }
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/log/store"))
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines))));
            String what = response.statusCode() + " " + response.headers().map() + " " + response.body();
            if (response.statusCode() == 200) {
                acknowledged.addAndGet(dummies.size());
            } else {
                assertThat(response.statusCode()).as(what).isEqualTo(503);
                assertThat(response.headers().firstValue("Content-Type"))
                        .as(what)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(response.headers().firstValue("Retry-After"))
                        .as(what)
                        .isPresent();
                assertThat(JSON.readTree(response.body()).hasNonNull("error"))
                        .as(what)
                        .isTrue();
                unavailable.incrementAndGet();
            }
            answers.put(dummies, response.statusCode());
        }
    }

    private HttpResponse<String> health() {
        return send(HttpRequest.newBuilder(uri("/actuator/health")).GET());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(
                    request.timeout(Duration.ofMinutes(1)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
