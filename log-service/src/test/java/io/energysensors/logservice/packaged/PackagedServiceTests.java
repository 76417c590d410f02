package io.energysensors.logservice.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.energysensors.logservice.EmbeddedPostgresHolder;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.ServiceProcess;
import io.energysensors.logservice.TestServer;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as users start it: scripts/run-service, with class-data sharing and the bean
 * definitions Spring AOT generated at build time. AOT ran with the default profile (H2), so the
 * same definitions must serve the postgres profile too: both store the sample and cluster it.
 */
class PackagedServiceTests {

    @TempDir
    Path dir;

    @Test
    void storesAndClustersOnH2() throws Exception {
        Path log = dir.resolve("h2.log");
        try (ServiceProcess service =
                ServiceProcess.startPackaged(log, List.of("--energy-sensors.data-dir=" + dir.resolve("data")))) {
            storesAndClustersTheSample(service.server());
        }
        assertThat(Files.readString(log)).contains("Starting AOT-processed LogServiceApplication");
    }

    @Test
    void storesAndClustersOnPostgres() throws Exception {
        Path log = dir.resolve("postgres.log");
        try (ServiceProcess service = ServiceProcess.startPackaged(
                log,
                List.of(
                        "--spring.profiles.active=postgres",
                        "--spring.datasource.url=" + EmbeddedPostgresHolder.jdbcUrl(),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres"))) {
            storesAndClustersTheSample(service.server());
        }
        assertThat(Files.readString(log)).contains("Starting AOT-processed LogServiceApplication", "PostgreSQL");
    }

    private static void storesAndClustersTheSample(TestServer server) {
        long before = server.get("/events/count").json().get("count").asLong();

        Reply stored = server.postText(String.join("\n", Samples.lines()));

        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().get("stored").asInt())
                .isEqualTo(Samples.lines().size());
        assertThat(server.get("/events/count").json().get("count").asLong())
                .isEqualTo(before + Samples.lines().size());
        Reply recompute = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/clusters/recompute"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(recompute.status()).as(recompute.body()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(1))
                .until(() ->
                        !server.get("/clusters/summary").json().get("clusters").isEmpty());
        assertThat(server.get("/actuator/health").json().get("status").asString())
                .isEqualTo("UP");
    }
}
