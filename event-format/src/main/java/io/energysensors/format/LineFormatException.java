package io.energysensors.format;

/**
 * The only exception the line parser and the JSON form throw: says what was expected, where
 * (1-based line and column; for a sensor line the line is always 1 and the column counts Unicode
 * code points, so it matches what an editor shows), and in which section and key (null where not
 * inside one). Errors in the JSON form also carry the JSON pointer of the value at fault. It is an
 * answer to a client, thrown once per bad line (millions for a hostile body), so it carries no
 * stack trace.
 */
public final class LineFormatException extends RuntimeException {

    private final String reason;
    private final int line;
    private final int column;
    private final String section;
    private final String key;
    private final String jsonPointer;

    public LineFormatException(String message, int column, String section, String key) {
        super("column " + column + ": " + message, null, false, false);
        this.reason = message;
        this.line = 1;
        this.column = column;
        this.section = section;
        this.key = key;
        this.jsonPointer = null;
    }

    /** An error in the JSON form of a line, at {@code line}:{@code column} of the JSON text. */
    public LineFormatException(String message, int line, int column, String jsonPointer, String section, String key) {
        super("line " + line + ", column " + column + pointerSuffix(jsonPointer) + ": " + message, null, false, false);
        this.reason = message;
        this.line = line;
        this.column = column;
        this.section = section;
        this.key = key;
        this.jsonPointer = jsonPointer;
    }

    private static String pointerSuffix(String jsonPointer) {
        return jsonPointer == null || jsonPointer.isEmpty() ? "" : " (at " + jsonPointer + ")";
    }

    /** What was expected, without the position (the message is this prefixed with the position). */
    public String reason() {
        return reason;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String section() {
        return section;
    }

    public String key() {
        return key;
    }

    /** The JSON pointer of the value at fault (RFC 6901), or null for errors in a sensor line. */
    public String jsonPointer() {
        return jsonPointer;
    }
}
