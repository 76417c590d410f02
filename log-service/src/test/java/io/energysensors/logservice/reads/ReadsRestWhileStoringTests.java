package io.energysensors.logservice.reads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.energysensors.logservice.OnH2;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.TestServer.Reply;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * While events are being stored, a read turn rests after each read, so that readers in a closed
 * loop leave the writers their CPU; when nothing is stored, reads follow each other at once. A
 * share of 0.0001 makes any read's rest reach its cap, half of max-wait (2 s), long enough to see
 * over real HTTP.
 */
@TestPropertySource(
        properties = {
            "energy-sensors.reads.max-concurrent=1",
            "energy-sensors.reads.share-while-storing=0.0001",
            "energy-sensors.reads.max-wait=4s"
        })
@DirtiesContext
class ReadsRestWhileStoringTests extends OnH2 {

    /** Well below the 2 s rest, well above a read's own time: the second read waited for the rest. */
    private static final Duration RESTED = Duration.ofMillis(1000);

    @Autowired
    private MeterRegistry meters;

    @Test
    void readsRestBetweenTurnsOnlyWhileEventsAreBeingStored() {
        // Past the window of any store made while the service started: a read then adds no rest.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            double before = restedSeconds();
            return server.get("/events?size=5").status() == 200 && restedSeconds() == before;
        });
        double restedBefore = restedSeconds();
        for (int i = 0; i < 3; i++) {
            assertThat(server.get("/events?size=5").status()).isEqualTo(200);
        }
        assertThat(restedSeconds()).as("no store, no rest").isEqualTo(restedBefore);

        Reply stored = server.postText(Samples.withDevice(Samples.lines().get(0), Samples.newDevice()));
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(server.get("/events?size=5").status()).isEqualTo(200);
        long began = System.nanoTime();
        Reply next = server.get("/events?size=5");
        Duration waited = Duration.ofNanos(System.nanoTime() - began);

        assertThat(next.status()).isEqualTo(200);
        assertThat(waited).as("the second read waits for the first one's rest").isGreaterThan(RESTED);
        assertThat(restedSeconds() - restedBefore).isGreaterThan(RESTED.toMillis() / 1000.0);
    }

    private double restedSeconds() {
        return meters.get("energy_sensors.reads.rested").functionCounter().count();
    }
}
