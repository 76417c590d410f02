package io.energysensors.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared reference material and the repository's sample, found from the module directory
 * (Maven's working directory for tests): {@code shared/} sits beside the repository root.
 */
public final class SampleFiles {

    public static final Path SHARED = Path.of("..", "..", "shared");
    public static final Path SAMPLE = Path.of("..", "res", "events.txt");
    public static final Path SHARED_SAMPLE = SHARED.resolve("data").resolve("events.txt");
    public static final Path PARSED_EVENTS = SHARED.resolve("reference").resolve("parsed_events.jsonl");

    private SampleFiles() {
    }

    /** The lines of a UTF-8 file, each with the '\n' that ended it, as a service would receive them. */
    public static List<String> linesWithBreaks(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }
}
