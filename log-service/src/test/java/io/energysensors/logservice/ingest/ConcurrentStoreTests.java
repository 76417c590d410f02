package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.energysensors.logservice.OnH2;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.StoredEvents;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Many posters at once over real HTTP, so that commits are shared between requests
 * ({@link GroupCommit}): every acknowledged event is stored exactly once, batches whole.
 */
class ConcurrentStoreTests extends OnH2 {

    private static final int POSTERS = 16;
    private static final int SINGLES = 10;
    private static final int BATCHES = 2;
    private static final int BATCH = 7;
    private static final int PER_POSTER = SINGLES + BATCHES * BATCH;

    @Test
    void sixteenPostersOfSinglesAndBatchesLoseAndDuplicateNothing() throws Exception {
        long device = Samples.newDevice();
        String template = Samples.linesOfDevice(device).get(0);
        ExecutorService pool = Executors.newFixedThreadPool(POSTERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int poster = 0; poster < POSTERS; poster++) {
                int first = poster * PER_POSTER;
                done.add(pool.submit(() -> post(template, first)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        // Dummy numbers the events: each one must be there once.
        List<JsonNode> stored = StoredEvents.ofDevice(server, device);
        assertThat(stored.stream()
                        .map(event -> (int) event.get("dummy").asDouble())
                        .toList())
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, POSTERS * PER_POSTER).boxed().toList());
        assertThat(new HashSet<>(
                        stored.stream().map(event -> event.get("id").asLong()).toList()))
                .hasSize(POSTERS * PER_POSTER);
    }

    private void post(String template, int first) {
        int dummy = first;
        for (int i = 0; i < SINGLES; i++) {
            Reply reply = server.postText(withDummy(template, dummy++));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        }
        for (int b = 0; b < BATCHES; b++) {
            List<String> batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                batch.add(withDummy(template, dummy++));
            }
            Reply reply = server.postText(String.join("\n", batch));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.json().get("stored").asInt()).isEqualTo(BATCH);
        }
    }

    private static String withDummy(String line, int dummy) {
        return line.replace("Dummy: 20", "Dummy: " + dummy);
    }
}
