package io.energysensors.logservice.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.energysensors.logservice.RestartablePostgres;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.StoredEvents;
import io.energysensors.logservice.TestServer;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL turns read-only under the running service (as a failed-over standby or an operator
 * does) and back: posts meanwhile get 503 problems with Retry-After in words and store nothing,
 * a clustering run fails in words, and once writes are allowed again posts are stored and the
 * next run succeeds, without a restart. Its own PostgreSQL, since the switch is server-wide.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "energy-sensors.clustering.every-events=1000000")
@ActiveProfiles("postgres")
class ReadOnlyDatabaseTests {

    private static final Duration SWITCH = Duration.ofSeconds(30);
    private static final RestartablePostgres POSTGRES = new RestartablePostgres("read-only");

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void ownPostgres(DynamicPropertyRegistry registry) {
        POSTGRES.register(registry);
    }

    @AfterAll
    static void stopPostgres() {
        POSTGRES.stop();
    }

    @Test
    void refusesWith503WhileTheDatabaseIsReadOnlyAndRecoversWithoutRestart() throws Exception {
        TestServer server = new TestServer(port);
        long device = Samples.newDevice();
        List<String> lines = Samples.linesOfDevice(device);
        assertThat(server.postText(String.join("\n", lines.subList(0, 500))).status())
                .isEqualTo(200);
        server.send(postRecompute(server));
        await().atMost(SWITCH).until(() -> lastRunStatus(server).equals("SUCCEEDED"));

        try (Connection admin = DriverManager.getConnection(POSTGRES.jdbcUrl())) {
            setReadOnly(admin, true);
            String refused = String.join("\n", lines.subList(500, 510));
            AtomicReference<Reply> answer = new AtomicReference<>();
            await().atMost(SWITCH).until(() -> {
                answer.set(server.postText(refused));
                return answer.get().status() != 200;
            });
            Reply reply = answer.get();
            assertThat(reply.status()).as(reply.body()).isEqualTo(503);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().get("error").asString())
                    .isEqualTo("the event store refuses writes (read-only or out of space); nothing was stored,"
                            + " retry later");
            assertThat(server.send(postRecompute(server)).status()).isEqualTo(202);
            await().atMost(SWITCH).until(() -> lastRunStatus(server).equals("FAILED"));
            assertThat(server.get("/clusters/summary")
                            .json()
                            .get("last_run")
                            .get("reason")
                            .asString())
                    .isEqualTo("the database refused writes (read-only or out of space) during the run");

            setReadOnly(admin, false);
            String stored = String.join("\n", lines.subList(510, 520));
            await().atMost(SWITCH).until(() -> server.postText(stored).status() == 200);
        }

        List<JsonNode> events = StoredEvents.ofDevice(server, device);
        assertThat(events).as("the 500 before, none refused, the 10 after").hasSize(510);
        server.send(postRecompute(server));
        await().atMost(SWITCH).until(() -> lastRunStatus(server).equals("SUCCEEDED"));
    }

    private static java.net.http.HttpRequest.Builder postRecompute(TestServer server) {
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + "/clusters/recompute"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody());
    }

    private static String lastRunStatus(TestServer server) {
        JsonNode lastRun = server.get("/clusters/summary").json().get("last_run");
        return lastRun == null || lastRun.isNull() ? "" : lastRun.get("status").asString();
    }

    /** Server-wide, as an operator would switch it; this session itself stays writable. */
    private static void setReadOnly(Connection admin, boolean readOnly) {
        try (Statement statement = admin.createStatement()) {
            statement.execute("SET default_transaction_read_only = off");
            statement.execute("ALTER SYSTEM SET default_transaction_read_only = " + (readOnly ? "on" : "off"));
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("could not switch PostgreSQL's read-only mode", e));
        }
    }
}
