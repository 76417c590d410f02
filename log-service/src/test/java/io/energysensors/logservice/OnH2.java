package io.energysensors.logservice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service over an H2 file database in a fresh directory. Every subclass shares this one
 * configuration, so one application context serves them all.
 */
public abstract class OnH2 extends RunningService {

    private static final Path DATA_DIR = freshDirectory();

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry registry) {
        registry.add("energy-sensors.data-dir", DATA_DIR::toString);
    }

    private static Path freshDirectory() {
        try {
            return Files.createTempDirectory("log-service-h2-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
