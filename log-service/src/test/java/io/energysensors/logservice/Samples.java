package io.energysensors.logservice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The 1000-line sample (res/events.txt), and device ids that keep each test's events apart. */
public final class Samples {

    private static final Path FILE = Path.of("..", "res", "events.txt");
    private static final List<String> LINES = load();
    private static final AtomicLong DEVICES = new AtomicLong(1_000);

    private Samples() {}

    public static List<String> lines() {
        return LINES;
    }

    /** A device id no other test of this JVM uses, so counts and pages see only this test's events. */
    public static long newDevice() {
        return DEVICES.incrementAndGet();
    }

    /** Every sample line starts with {@code Device: ID=1;}. */
    public static String withDevice(String line, long device) {
        if (!line.startsWith("Device: ID=1;")) {
            throw new IllegalArgumentException("not a sample line: " + line);
        }
        return "Device: ID=" + device + ";" + line.substring("Device: ID=1;".length());
    }

    public static List<String> linesOfDevice(long device) {
        return LINES.stream().map(line -> withDevice(line, device)).toList();
    }

    private static List<String> load() {
        try {
            return Files.readAllLines(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the sample is read from " + FILE.toAbsolutePath(), e);
        }
    }
}
