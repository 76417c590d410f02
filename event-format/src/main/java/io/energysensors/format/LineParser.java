package io.energysensors.format;

/** Parses one sensor line (FORMAT.md) in a single pass. Stateless and thread-safe. */
public final class LineParser {

    /** @throws LineFormatException for anything the grammar cannot consume, with its column */
    public SensorLine parse(CharSequence line) {
        throw new UnsupportedOperationException("being written on branch format");
    }
}
