package io.energysensors.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The repository's sample and the reference answers copied beside it ({@code res/reference}, whose
 * README notes their origin), found from the module directory (Maven's working directory for tests).
 */
public final class SampleFiles {

    public static final Path SAMPLE = Path.of("..", "res", "events.txt");
    /** SHA-256 of the original's sample, as recorded in {@code res/reference/README.md}. */
    public static final String SAMPLE_SHA256 = "be5d3c6dba81b7997348a53009765c56ddfdec3845308e2c11485d0b8db2ba3b";

    public static final Path PARSED_EVENTS = Path.of("..", "res", "reference", "parsed_events.jsonl");

    private SampleFiles() {}

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
