package io.energysensors.parseservice.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The jar as users start it: scripts/run-service, with class-data sharing and the bean
 * definitions Spring AOT generated at build time. It must parse the sample like the tested code.
 */
class PackagedServiceTests {

    private static final Path SAMPLE = Path.of("..", "res", "events.txt");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void parsesTheSampleWhenStartedByTheScript() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = dir.resolve("parse-service.log");
        Path script = Path.of("..", "scripts", "run-service").toAbsolutePath().normalize();
        Process service = new ProcessBuilder("bash", script.toString(), "parse-service", "--server.port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            URI readiness = URI.create("http://localhost:" + port + "/actuator/health/readiness");
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreException(ConnectException.class)
                    .until(() -> {
                        assertThat(service.isAlive())
                                .as("the service exited:\n%s", Files.readString(log))
                                .isTrue();
                        return http.send(
                                                HttpRequest.newBuilder(readiness)
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    });

            HttpResponse<String> parsed = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/log/parse"))
                            .header("Content-Type", "text/plain")
                            .POST(HttpRequest.BodyPublishers.ofFile(SAMPLE))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(parsed.statusCode()).as(parsed.body()).isEqualTo(200);
            JsonNode events = JsonMapper.builder().build().readTree(parsed.body());
            assertThat(events.size()).isEqualTo(Files.readAllLines(SAMPLE).size());
            assertThat(events.get(0).get("Device").get("ID").asLong()).isEqualTo(1);
        } finally {
            stop(service);
        }
        assertThat(Files.readString(log)).contains("Starting AOT-processed ParseServiceApplication");
    }

    private static void stop(Process service) throws InterruptedException, IOException {
        service.destroy();
        if (!service.waitFor(30, TimeUnit.SECONDS)) {
            service.destroyForcibly();
        }
    }
}
