package io.energysensors.logservice.reads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.energysensors.logservice.EmbeddedPostgresHolder;
import io.energysensors.logservice.OnPostgres;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.TestServer.Reply;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads that hang (a table another transaction holds locked, on a real PostgreSQL) fill the read
 * bulkhead and no more: {@code max-waiting} more wait for a turn, further reads get 503 with
 * Retry-After at once, stores keep succeeding, and a read that its statement timeout cancels says
 * so in a 503. Over real HTTP on a random port.
 */
@TestPropertySource(
        properties = {
            "spring.jpa.properties.jakarta.persistence.query.timeout=2000",
            "energy-sensors.events.max-offset=100",
            "energy-sensors.reads.max-waiting=4"
        })
class ReadersDoNotStarveStoresTests extends OnPostgres {

    /** More than the pool's 10 connections: without the bulkhead they would all be taken. */
    private static final int HANGING_READERS = 12;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private ReadProperties properties;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void storesSucceedWhileHangingReadsFillTheBulkhead() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> readers = new ArrayList<>();
        try (Connection locker = lock("cluster")) {
            for (int i = 0; i < HANGING_READERS; i++) {
                readers.add(client.sendAsync(get("/clusters/summary"), HttpResponse.BodyHandlers.ofString()));
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> readsInFlight() == properties.maxConcurrent()
                            && meters.get("energy_sensors.reads.waiting")
                                            .gauge()
                                            .value()
                                    == properties.maxWaiting());

            long began = System.nanoTime();
            HttpResponse<String> refused = client.send(get("/events?size=5"), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - began))
                    .as("refused at once, not after max-wait")
                    .isLessThan(properties.maxWait());
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(JSON.readTree(refused.body()).get("error").asString())
                    .contains("4 reads are waiting for a turn already", "retry in a second");
            for (int i = 0; i < 3; i++) {
                Reply stored =
                        server.postText(Samples.withDevice(Samples.lines().get(i), Samples.newDevice()));
                assertThat(stored.status()).as(stored.body()).isEqualTo(200);
            }
            assertThat(readsInFlight()).isEqualTo(properties.maxConcurrent());
            locker.rollback();
        }
        for (CompletableFuture<HttpResponse<String>> reader : readers) {
            assertThat(reader.get().statusCode()).isIn(200, 503);
        }
        assertThat(readers)
                .filteredOn(reader -> reader.join().statusCode() == 200)
                .hasSizeGreaterThanOrEqualTo(properties.maxConcurrent());
    }

    @Test
    void aReadCancelledByItsTimeoutIsAServiceUnavailableProblemInWords() throws Exception {
        HttpResponse<String> timedOut;
        try (Connection locker = lock("sensor_event")) {
            timedOut = client.send(get("/events?device=7&size=5"), HttpResponse.BodyHandlers.ofString());
            locker.rollback();
        }

        assertThat(timedOut.statusCode()).isEqualTo(503);
        assertThat(timedOut.headers().firstValue("Retry-After")).isPresent();
        JsonNode problem = JSON.readTree(timedOut.body());
        assertThat(problem.get("error").asString()).contains("listing events took longer than its time limit");
        assertThat(timedOut.body()).doesNotContain("Exception", "SELECT");
    }

    @Test
    void filteredTotalsBeyondTheMaxOffsetAreALowerBound() {
        long device = Samples.newDevice();
        assertThat(server.postText(String.join("\n", Samples.linesOfDevice(device)))
                        .status())
                .isEqualTo(200);

        JsonNode page = server.get("/events?device=" + device + "&size=50").json();
        Reply deep = server.get("/events?device=" + device + "&size=50&page=3");

        JsonNode since = server.get("/events?device=" + device + "&from=2000-01-01T00:00:00Z&size=50")
                .json();

        assertThat(page.get("total_elements").asLong()).isEqualTo(100);
        assertThat(page.get("total_exact").asBoolean()).isFalse();
        // Many match, so the ids are walked newest first with the time compared on the way.
        assertThat(since.get("total_exact").asBoolean()).isFalse();
        assertThat(since.get("events").size()).isEqualTo(50);
        assertThat(since.get("events").get(0).get("id"))
                .isEqualTo(page.get("events").get(0).get("id"));
        assertThat(since.get("next_after")).isEqualTo(page.get("next_after"));
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.json().get("error").asString()).contains("page", "after=");
    }

    /** A transaction holding the table so that every read of it waits; roll it back to release it. */
    private static Connection lock(String table) throws Exception {
        Connection connection = DriverManager.getConnection(EmbeddedPostgresHolder.jdbcUrl());
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
        }
        return connection;
    }

    private double readsInFlight() {
        return meters.get("energy_sensors.reads.in_flight").gauge().value();
    }

    /** With a time limit, so that a read the service never cancels fails the test instead of hanging it. */
    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(server.base() + path))
                .timeout(Duration.ofMinutes(2))
                .build();
    }
}
