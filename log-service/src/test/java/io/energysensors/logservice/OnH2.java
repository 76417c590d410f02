package io.energysensors.logservice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a random port over an H2 file database in a fresh directory. Every
 * subclass shares this one configuration, so one application context serves them all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class OnH2 {

    private static final Path DATA_DIR = freshDirectory();

    @LocalServerPort
    private int port;

    protected TestServer server;

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry registry) {
        registry.add("energy-sensors.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void connect() {
        server = new TestServer(port);
    }

    public TestServer server() {
        return server;
    }

    private static Path freshDirectory() {
        try {
            return Files.createTempDirectory("log-service-h2-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
