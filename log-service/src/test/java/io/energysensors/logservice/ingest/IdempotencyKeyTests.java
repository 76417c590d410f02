package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.energysensors.logservice.OnH2;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.StoredEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * POST /log/store with an Idempotency-Key over real HTTP: a client that lost an answer and sends
 * the batch again gets the first answer, and the batch is stored once.
 */
class IdempotencyKeyTests extends OnH2 {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void repeatAnswersTheFirstAnswerAndStoresNothing() {
        long device = Samples.newDevice();
        String batch = String.join("\n", Samples.linesOfDevice(device).subList(0, 10));

        HttpResponse<String> first = post(batch, "batch-" + device);
        HttpResponse<String> repeat = post(batch, "batch-" + device);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"stored\":10}");
        assertThat(first.headers().firstValue(StoreController.REPLAYED)).isEmpty();
        assertThat(repeat.statusCode()).as(repeat.body()).isEqualTo(200);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.headers().firstValue(StoreController.REPLAYED)).contains("true");
        assertThat(StoredEvents.ofDevice(server, device)).hasSize(10);
    }

    @Test
    void concurrentRepeatsStoreTheBatchOnceAndAllGetItsAnswer() throws Exception {
        long device = Samples.newDevice();
        String batch = String.join("\n", Samples.linesOfDevice(device).subList(0, 50));
        ExecutorService clients = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(CompletableFuture.supplyAsync(
                        () -> {
                            awaitStart(start);
                            return post(batch, "concurrent-" + device);
                        },
                        clients));
            }
            start.countDown();

            List<HttpResponse<String>> replies =
                    answers.stream().map(CompletableFuture::join).toList();
            assertThat(replies).allSatisfy(reply -> {
                assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
                assertThat(reply.body()).isEqualTo("{\"stored\":50}");
            });
            assertThat(replies.stream()
                            .filter(reply -> reply.headers()
                                    .firstValue(StoreController.REPLAYED)
                                    .isEmpty()))
                    .hasSize(1);
        } finally {
            clients.shutdownNow();
        }
        assertThat(StoredEvents.ofDevice(server, device)).hasSize(50);
    }

    @Test
    void sameKeyWithAnotherBatchIsRefusedAndStoresNothing() {
        long device = Samples.newDevice();
        List<String> lines = Samples.linesOfDevice(device);
        post(String.join("\n", lines.subList(0, 2)), "reused-" + device);

        HttpResponse<String> other = post(String.join("\n", lines.subList(2, 5)), "reused-" + device);

        assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json(other).get("error").asString()).contains("first used with another content");
        assertThat(StoredEvents.ofDevice(server, device)).hasSize(2);
    }

    @Test
    void keyThatIsEmptyTooLongOrHasSpacesIsABadRequestAndStoresNothing() {
        long device = Samples.newDevice();
        String line = Samples.linesOfDevice(device).get(0);

        for (String key : List.of("", "a".repeat(256), "with space")) {
            HttpResponse<String> reply = post(line, key);

            assertThat(reply.statusCode()).as(key).isEqualTo(400);
            assertThat(json(reply).get("error").asString()).contains("Idempotency-Key");
        }
        assertThat(post(line, "a".repeat(255)).statusCode()).isEqualTo(200);
        assertThat(StoredEvents.ofDevice(server, device)).hasSize(1);
    }

    @Test
    void withoutAKeyARepeatIsStoredAgain() {
        long device = Samples.newDevice();
        String line = Samples.linesOfDevice(device).get(0);

        server.postText(line);
        server.postText(line);

        assertThat(StoredEvents.ofDevice(server, device)).hasSize(2);
    }

    private HttpResponse<String> post(String body, String key) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.base() + "/log/store"))
                .header("Content-Type", "text/plain")
                .header(StoreController.IDEMPOTENCY_KEY, key)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static tools.jackson.databind.JsonNode json(HttpResponse<String> reply) {
        return new ObjectMapper().readTree(reply.body());
    }

    private static void awaitStart(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
