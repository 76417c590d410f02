package io.energysensors.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The 1000-line sample every benchmark works through per operation. */
final class Sample {

    /** Operations per invocation: with it, JMH's ops/s are lines/s. */
    static final int LINES = 1000;

    private Sample() {}

    /**
     * The sample's lines, each with its '\n' as a service receives it; from {@code -Devents=FILE}
     * or res/events.txt under the working directory or its parent.
     */
    static String[] lines() {
        Path file = Path.of(System.getProperty("events", "res/events.txt"));
        if (!Files.exists(file)) {
            file = Path.of("..").resolve(file);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("run from the repository root, or pass -Devents=FILE", e);
        }
        if (lines.size() != LINES) {
            throw new IllegalStateException(file + " has " + lines.size() + " lines, the benchmarks count " + LINES);
        }
        return lines.stream().map(line -> line + "\n").toArray(String[]::new);
    }
}
