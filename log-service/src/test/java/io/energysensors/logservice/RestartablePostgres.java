package io.energysensors.logservice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL of one test class's own, which the test may stop and start again (an outage)
 * without disturbing other tests: the same data directory and port each time, so the service's
 * pool finds it where it was. Started on first use, stopped when the JVM exits.
 */
public final class RestartablePostgres {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres running;
    private boolean started;

    public RestartablePostgres(String name) {
        try {
            this.dataDirectory = Files.createTempDirectory("log-service-" + name + "-");
            this.port = ServiceProcess.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts it (the first time, with a stop at JVM exit) and points the service's datasource at it. */
    public synchronized void register(DynamicPropertyRegistry registry) {
        if (!started) {
            start();
            started = true;
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        }
        String url = jdbcUrl();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    /** Starts it again on the same data directory and port; the first start creates the cluster. */
    public synchronized void start() {
        try {
            // synchronous_commit on: an acknowledged commit is on disk, as in production.
            running = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    public synchronized void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            running = null;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }
}
