package io.energysensors.parseservice.parse;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.energysensors.format.LineFormatException;

/** Where one line of a request failed to parse, as listed in the problem detail's {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LineError(int line, int column, String section, String key, String message) {

    static LineError of(int line, LineFormatException e) {
        return new LineError(line, e.column(), e.section(), e.key(), e.getMessage());
    }

    String describe() {
        return "line " + line + ", " + message;
    }
}
