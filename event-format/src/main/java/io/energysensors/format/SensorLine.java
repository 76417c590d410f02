package io.energysensors.format;

import java.util.List;
import java.util.Optional;

/** A parsed sensor line: its sections in the order they were sent; section names are unique. */
public record SensorLine(List<Section> sections) {

    public Optional<Section> section(String name) {
        for (Section section : sections) {
            if (section.name().equals(name)) {
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }
}
