package io.energysensors.format.json;

import io.energysensors.format.SensorLine;

/**
 * The JSON form of a sensor line: one object per line, section name to object (key/value
 * section) or array (list section); timestamps as ISO-8601 UTC strings ending in {@code Z}.
 * Reading the JSON form of a line gives back the same {@link SensorLine}.
 */
public final class LineJson {

    public String write(SensorLine line) {
        throw new UnsupportedOperationException("being written on branch format");
    }

    public SensorLine read(String json) {
        throw new UnsupportedOperationException("being written on branch format");
    }
}
