package io.energysensors.logservice.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

import io.energysensors.format.LineFormatException;

/**
 * What is wrong with one line of a batch.
 *
 * @param line 1-based line of a text body, or 1-based element of a JSON array
 * @param column 1-based column (characters) or byte offset within the line where known, else null
 * @param field the field at fault as {@code Section.key} or {@code Section[0]}, else null
 * @param message what is wrong, without the position or the field
 */
record LineError(int line, Integer column, String field, String message) {

    /** {@code Section.key}, {@code Section}, or null, as far as the parser got. */
    static String fieldOf(LineFormatException e) {
        return e.section() == null ? null : e.key() == null ? e.section() : e.section() + "." + e.key();
    }

    /**
     * {@code line 3: Power.Active must be a number, got "abc"} for a field the event lacks, or
     * {@code line 2, column 17: expected '=' ...} where the text itself is wrong.
     */
    String text() {
        if (column != null) {
            return "line " + line + ", column " + column + ": " + message;
        }
        return "line " + line + ": " + (field == null ? "" : field + " ") + message;
    }

    /** The entry of the problem's {@code errors} member; absent parts are left out. */
    Map<String, Object> toProperty() {
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("line", line);
        if (column != null) {
            property.put("column", column);
        }
        if (field != null) {
            property.put("field", field);
        }
        property.put("message", message);
        return property;
    }
}
