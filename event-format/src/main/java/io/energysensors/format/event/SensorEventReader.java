package io.energysensors.format.event;

import io.energysensors.format.SensorLine;

/** Reads the log service's event out of a parsed line, validating presence and type of every field. */
public final class SensorEventReader {

    /** @throws InvalidEventException listing every missing or mistyped field */
    public SensorEvent read(SensorLine line) {
        throw new UnsupportedOperationException("being written on branch format");
    }
}
