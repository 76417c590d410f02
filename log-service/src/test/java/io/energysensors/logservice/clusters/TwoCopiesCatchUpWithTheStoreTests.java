package io.energysensors.logservice.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.energysensors.logservice.EmbeddedPostgresHolder;
import io.energysensors.logservice.OnPostgres;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.TestServer;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * Two copies of the service on one real PostgreSQL: a count that comes due on a copy while
 * another holds the clustering lock is not lost. Once the lock is free a run covers it, so both
 * summaries catch up with every stored event.
 */
class TwoCopiesCatchUpWithTheStoreTests {

    private static final int BATCHES_PER_COPY = 10;

    private final DriverManagerDataSource database =
            new DriverManagerDataSource(EmbeddedPostgresHolder.jdbcUrl(), "postgres", "postgres");

    @Test
    void bothSummariesCatchUpWithTheStore() throws SQLException {
        try (ConfigurableApplicationContext first = OnPostgres.startAnotherCopy(1000);
                ConfigurableApplicationContext second = OnPostgres.startAnotherCopy(1000)) {
            TestServer one = OnPostgres.serverOf(first);
            TestServer two = OnPostgres.serverOf(second);

            // Another copy's run holds the lock while this copy's count comes due: it is skipped...
            try (Connection holder = database.getConnection()) {
                holder.setAutoCommit(false);
                await().atMost(Duration.ofSeconds(60)).until(() -> tryLock(holder));
                long runsBefore = runs();
                store(two);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> runs() > runsBefore
                                && "SKIPPED".equals(lastRun(two).get("status").asString()));
                holder.rollback();
            }
            // ...and still run once the lock is free, with no new events to set it off.
            awaitCaughtUp(one, two);

            // Both copies take batches at once, and their runs keep missing each other's lock.
            List<CompletableFuture<Void>> posting = IntStream.range(0, 2)
                    .mapToObj(copy -> CompletableFuture.runAsync(() -> {
                        for (int batch = 0; batch < BATCHES_PER_COPY; batch++) {
                            store(copy == 0 ? one : two);
                        }
                    }))
                    .toList();
            posting.forEach(CompletableFuture::join);
            awaitCaughtUp(one, two);
        }
    }

    private static void store(TestServer copy) {
        Reply stored = copy.postText(String.join("\n", Samples.linesOfDevice(Samples.newDevice())));
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    }

    /** Every stored event is in the current result, labelled or counted as unplaceable, on both copies. */
    private void awaitCaughtUp(TestServer... copies) {
        for (TestServer copy : copies) {
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                JsonNode summary = copy.get("/clusters/summary").json();
                assertThat(summary.get("events_covered").asLong(-1)
                                + summary.get("events_skipped").asLong(-1))
                        .as(summary.toString())
                        .isEqualTo(stored());
            });
        }
    }

    private long stored() {
        return new JdbcTemplate(database).queryForObject("SELECT COUNT(*) FROM sensor_event", Long.class);
    }

    private long runs() {
        return new JdbcTemplate(database).queryForObject("SELECT COUNT(*) FROM clustering_run", Long.class);
    }

    private static JsonNode lastRun(TestServer copy) {
        return copy.get("/clusters/summary").json().get("last_run");
    }

    /** True if this connection's transaction now holds the clustering lock; false, rolled back, if not. */
    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, ClusteringLock.ADVISORY_KEY);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                if (result.getBoolean(1)) {
                    return true;
                }
            }
        }
        connection.rollback();
        return false;
    }
}
