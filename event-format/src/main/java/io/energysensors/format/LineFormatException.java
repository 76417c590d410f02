package io.energysensors.format;

/**
 * The only exception the line parser throws: says what was expected, at which 1-based column,
 * and in which section and key (null where not inside one).
 */
public final class LineFormatException extends RuntimeException {

    private final int column;
    private final String section;
    private final String key;

    public LineFormatException(String message, int column, String section, String key) {
        super("column " + column + ": " + message);
        this.column = column;
        this.section = section;
        this.key = key;
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
}
