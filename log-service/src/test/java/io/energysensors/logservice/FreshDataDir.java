package io.energysensors.logservice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An H2 database of one test class's own, for tests that count or replace everything stored and
 * so must not share the context of {@link OnH2}.
 */
public final class FreshDataDir {

    private FreshDataDir() {}

    /** Points {@code energy-sensors.data-dir} at a new temporary directory named after {@code name}. */
    public static void register(DynamicPropertyRegistry registry, String name) throws IOException {
        Path dataDir = Files.createTempDirectory("log-service-" + name + "-");
        registry.add("energy-sensors.data-dir", dataDir::toString);
    }
}
