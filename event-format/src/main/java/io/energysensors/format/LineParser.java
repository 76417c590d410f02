package io.energysensors.format;

import io.energysensors.format.Section.KeyValueSection;
import io.energysensors.format.Section.ListSection;

/**
 * Parses one sensor line (docs/format.md) in a single pass. Thread-safe: each thread reuses a cursor
 * of its own.
 *
 * <p>Grammar, as read here: a line is one or more sections {@code Name: body}. After the colon
 * the first item decides the kind of the body: if an {@code =} comes before any {@code ;},
 * {@code :} or the end, it is key/value pairs, otherwise a list. In a key/value body a value runs
 * to the next {@code ;} or the end and may hold {@code =} but not {@code :}; an item that reaches
 * a {@code :} before an {@code =} is the next section's name. In a list the first element may
 * hold {@code :}; a later item that reaches a {@code :} is the next section's name; an {@code =}
 * is an error. Spaces and tabs around names, keys and values are ignored, the last {@code ;} is
 * optional, and one trailing {@code \n} or {@code \r\n} ends the line. Control characters
 * (other than tab) and unpaired surrogates are errors, so that whatever parses can be written
 * as JSON and stored as text.
 *
 * <p>Empty values ({@code a=;}) and empty list elements ({@code 1;;2}, {@code Foo: ;}) are the
 * empty text, as in the original; a section with nothing after its colon is an error.
 */
public final class LineParser {

    /** Lines up to this long are parsed by a per-thread cursor; longer ones get their own. */
    private static final int REUSED_UP_TO = 16 * 1024;

    private static final ThreadLocal<Cursor> CURSOR = new ThreadLocal<>();

    /** @throws LineFormatException for anything the grammar cannot consume, with its column */
    public SensorLine parse(CharSequence line) {
        // The cursor's buffers are reused by the next parse on this thread: every value taken out
        // of them is copied. A short-lived (virtual) thread pays no more than one parse's buffers.
        String text = line.toString();
        Cursor cursor = text.length() <= REUSED_UP_TO ? CURSOR.get() : null;
        if (cursor == null) {
            cursor = new Cursor();
            if (text.length() <= REUSED_UP_TO) {
                CURSOR.set(cursor);
            }
        }
        return cursor.parse(text);
    }

    /**
     * Types one value or list element the way {@link #parse} does (docs/format.md "Values"), after
     * trimming spaces and tabs. Never throws: what is nothing else is text.
     */
    public Value parseValue(CharSequence value) {
        char[] s = value.toString().toCharArray();
        int from = 0;
        int to = s.length;
        while (from < to && isBlank(s[from])) {
            from++;
        }
        while (to > from && isBlank(s[to - 1])) {
            to--;
        }
        return ValueTypes.of(s, from, to, new ValueTypes.NumberReader());
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * One parse at a time, reused line after line by its thread. Besides the line, it holds the
     * speed tricks, each in a type of its own: {@link ExpectedNames} (names matched whole where
     * the last lines had them), {@link UniqueNames} (duplicates found by a scan while few),
     * {@link ValueTypes.NumberReader} (numbers read while looking for the value's end) and
     * {@link Entries.Items} (one array per line for every section's entries).
     */
    private static final class Cursor {

        /**
         * Bit c is set for the characters below 64 that {@link #scan} stops at (':', ';', '=')
         * or rejects (controls other than tab): one test sorts out the common characters.
         */
        private static final long SPECIAL_BELOW_64 =
                (1L << ':') | (1L << ';') | (1L << '=') | (0xFFFF_FFFFL & ~(1L << '\t'));

        // The line: a copy in a char array, which reads faster than String.charAt (that tests the
        // String's coder each time), and where it ends, before the line break.
        private char[] s = new char[1024];
        private int end;

        // What the line has given so far.
        private final Entries.Items sections = new Entries.Items();
        /** Every section's elements or key/value pairs, one after the other. */
        private final Entries.Items items = new Entries.Items();

        private final UniqueNames sectionNames = new UniqueNames(i -> ((Section) sections.get(i)).name());
        private final ExpectedNames names = new ExpectedNames();
        private final ValueTypes.NumberReader numbers = new ValueTypes.NumberReader();

        // A step's second result, read by its caller right after the step: in fields, as a
        // result object per value would cost an allocation each.
        /** Where the value {@link #numberValue} read ends: at its ';' or the end. */
        private int numberEnd;
        /** Where the name of the section after the body just read starts. */
        private int nextNameStart;
        /** The ':' after that name, or -1 when the body just read ends the line. */
        private int nextColon;

        SensorLine parse(String text) {
            int length = text.length();
            if (s.length < length) {
                s = new char[length];
            }
            text.getChars(0, length, s, 0);
            if (length > 0 && s[length - 1] == '\n') {
                length -= length > 1 && s[length - 2] == '\r' ? 2 : 1;
            }
            end = length;
            names.startLine();
            sectionNames.clear();
            sections.start();
            items.start();
            try {
                return line();
            } finally {
                // Hold on to no part of this line until the next parse.
                sections.finish();
                items.finish();
                sectionNames.clear();
            }
        }

        private SensorLine line() {
            int start = skipBlanks(0);
            if (start == end) {
                throw error(start, "expected a section (\"Name: ...\"), got an empty line", null, null);
            }
            int delimiter = scanItem(start);
            if (delimiter == end || s[delimiter] != ':') {
                int nameEnd = trimEnd(start, delimiter);
                throw error(
                        delimiter,
                        nameEnd == start
                                ? "expected a section (\"Name: ...\") before '" + s[delimiter] + "'"
                                : "expected ':' after section name \"" + new String(s, start, nameEnd - start) + "\"",
                        null,
                        null);
            }
            nextNameStart = start;
            nextColon = delimiter;
            while (nextColon >= 0) {
                String name = sectionName(nextNameStart, nextColon);
                sections.add(body(name, nextColon + 1));
            }
            return new SensorLine(sections.list(0));
        }

        private String sectionName(int start, int colon) {
            int nameEnd = trimEnd(start, colon);
            if (nameEnd == start) {
                throw error(colon, "expected a section name before ':'", null, null);
            }
            String name = names.take(s, start, nameEnd);
            if (!sectionNames.add(name)) {
                throw error(start, "duplicate section \"" + name + "\"", name, null);
            }
            return name;
        }

        /** Reads the body after {@code Name:}; leaves nextColon at the next section's ':' or -1 at the end. */
        private Section body(String name, int afterColon) {
            int start = skipBlanks(afterColon);
            if (start == end) {
                throw error(
                        start,
                        "section \"" + name + "\" is empty: expected key=value pairs or a list of values",
                        name,
                        null);
            }
            int first = items.mark();
            Value number = numberValue(start);
            if (number != null) {
                items.add(number);
                return list(name, first, numberEnd);
            }
            int delimiter = scanItem(start);
            if (delimiter < end && s[delimiter] == '=') {
                return keyValues(name, first, start, delimiter);
            }
            while (delimiter < end && s[delimiter] == ':') {
                delimiter = scan(delimiter + 1);
            }
            if (delimiter < end && s[delimiter] == '=') {
                throw unexpectedEquals(name, delimiter);
            }
            items.add(value(start, delimiter));
            return list(name, first, delimiter);
        }

        /**
         * Reads a number that is a whole value (followed by blanks, then ';' or the end) in one go,
         * and sets {@code numberEnd} to that ';' or end; null when the value is something else, to
         * be scanned and typed as a whole.
         */
        private Value numberValue(int start) {
            Value number = numbers.read(s, start, end);
            if (number == null) {
                return null;
            }
            int after = numbers.end;
            if (after < end && s[after] != ';') {
                after = skipBlanks(after);
                if (after < end && s[after] != ';') {
                    return null;
                }
            }
            numberEnd = after;
            return number;
        }

        private Value value(int start, int delimiter) {
            return ValueTypes.of(s, start, trimEnd(start, delimiter), numbers);
        }

        /** Reads the pairs from the first key on; they go into {@code items} from {@code from} on. */
        private Section keyValues(String name, int from, int keyStart, int equals) {
            while (true) {
                int keyEnd = trimEnd(keyStart, equals);
                if (keyEnd == keyStart) {
                    throw error(equals, "expected a key before '=' in section \"" + name + "\"", name, null);
                }
                String key = names.take(s, keyStart, keyEnd);
                int valueStart = skipBlanks(equals + 1);
                Value value = valueStart < end ? numberValue(valueStart) : null;
                int valueEnd;
                if (value != null) {
                    valueEnd = numberEnd;
                } else {
                    valueEnd = scan(valueStart);
                    while (valueEnd < end && s[valueEnd] == '=') {
                        valueEnd = scan(valueEnd + 1);
                    }
                    if (valueEnd < end && s[valueEnd] == ':') {
                        throw error(
                                valueEnd,
                                "expected ';' or the end of the line after the value of key \"" + key
                                        + "\" (a value cannot contain ':')",
                                name,
                                key);
                    }
                    value = value(valueStart, valueEnd);
                }
                if (!items.put(key, value)) {
                    throw error(keyStart, "duplicate key \"" + key + "\" in section \"" + name + "\"", name, key);
                }
                if (valueEnd == end) {
                    break;
                }
                keyStart = skipBlanks(valueEnd + 1);
                if (keyStart == end) {
                    break;
                }
                int delimiter = scanItem(keyStart);
                if (delimiter < end && s[delimiter] == ':') {
                    nextNameStart = keyStart;
                    nextColon = delimiter;
                    return new KeyValueSection(name, items.map(from));
                }
                if (delimiter == end || s[delimiter] == ';') {
                    int itemEnd = trimEnd(keyStart, delimiter);
                    if (itemEnd == keyStart) {
                        throw error(
                                delimiter,
                                "expected key=value in section \"" + name + "\", got an empty entry",
                                name,
                                null);
                    }
                    String item = new String(s, keyStart, itemEnd - keyStart);
                    throw error(
                            delimiter,
                            "expected '=' after key \"" + item + "\" in section \"" + name + "\"",
                            name,
                            item);
                }
                equals = delimiter;
            }
            nextColon = -1;
            return new KeyValueSection(name, items.map(from));
        }

        /**
         * Reads the elements after the first, which {@code items} holds from {@code from} on, from
         * its ';' or the end.
         */
        private Section list(String name, int from, int delimiter) {
            while (delimiter < end) {
                int start = skipBlanks(delimiter + 1);
                if (start == end) {
                    break;
                }
                Value number = numberValue(start);
                if (number != null) {
                    items.add(number);
                    delimiter = numberEnd;
                    continue;
                }
                delimiter = scanItem(start);
                if (delimiter < end) {
                    char c = s[delimiter];
                    if (c == ':') {
                        nextNameStart = start;
                        nextColon = delimiter;
                        return new ListSection(name, items.list(from));
                    }
                    if (c == '=') {
                        throw unexpectedEquals(name, delimiter);
                    }
                }
                items.add(value(start, delimiter));
            }
            nextColon = -1;
            return new ListSection(name, items.list(from));
        }

        private LineFormatException unexpectedEquals(String name, int at) {
            return error(
                    at,
                    "unexpected '=' in list section \"" + name
                            + "\": a section holds either key=value pairs or a list of values",
                    name,
                    null);
        }

        /**
         * The index of the next ':', ';' or '=' from {@code i}, or {@code end}; checks every
         * character on the way, so each character of the line is checked exactly once.
         */
        private int scan(int i) {
            final char[] s = this.s;
            final int end = this.end;
            for (; i < end; i++) {
                char c = s[i];
                if (c < 64) {
                    if ((SPECIAL_BELOW_64 >>> c & 1) != 0) {
                        if (c >= ':') {
                            return i;
                        }
                        throw badCharacter(i, c);
                    }
                } else if (c >= 0x7f && !isAllowedAbove7e(i, c)) {
                    throw badCharacter(i, c);
                }
            }
            return end;
        }

        /** {@link #scan} for an item that may be a name or key, which the names expected here may spare. */
        private int scanItem(int start) {
            int delimiter = names.matchAt(s, start, end);
            return delimiter >= 0 ? delimiter : scan(start);
        }

        private boolean isAllowedAbove7e(int i, char c) {
            if (c <= 0x9f) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                return i + 1 < end && Character.isLowSurrogate(s[i + 1]);
            }
            if (Character.isLowSurrogate(c)) {
                return i > 0 && Character.isHighSurrogate(s[i - 1]);
            }
            return true;
        }

        private LineFormatException badCharacter(int i, char c) {
            String what;
            if (c == '\n' || c == '\r') {
                what = "line break inside the line (one event per line)";
            } else if (Character.isSurrogate(c)) {
                what = "unpaired surrogate U+" + hex(c) + " (not Unicode text)";
            } else {
                what = "control character U+" + hex(c);
            }
            return error(i, "unexpected " + what, null, null);
        }

        private static String hex(char c) {
            return String.format("%04X", (int) c);
        }

        private int skipBlanks(int i) {
            while (i < end && isBlank(s[i])) {
                i++;
            }
            return i;
        }

        private int trimEnd(int start, int i) {
            while (i > start && isBlank(s[i - 1])) {
                i--;
            }
            return i;
        }

        private LineFormatException error(int index, String message, String section, String key) {
            return new LineFormatException(message, Character.codePointCount(s, 0, index) + 1, section, key);
        }
    }
}
