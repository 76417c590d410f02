package io.energysensors.format;

import java.util.List;
import java.util.Map;

/** A named part of a sensor line: either key/value pairs or a list of elements. */
public sealed interface Section {

    String name();

    /** {@code Power: Active=1753W; Reactive=279var;}; entries keep their order, keys are unique. */
    record KeyValueSection(String name, Map<String, Value> entries) implements Section {}

    /** {@code Peaks: 7.33; 7.31;}. */
    record ListSection(String name, List<Value> elements) implements Section {}
}
