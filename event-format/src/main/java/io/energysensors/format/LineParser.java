package io.energysensors.format;

import io.energysensors.format.Section.KeyValueSection;
import io.energysensors.format.Section.ListSection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses one sensor line (FORMAT.md) in a single pass. Stateless and thread-safe.
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

    /** @throws LineFormatException for anything the grammar cannot consume, with its column */
    public SensorLine parse(CharSequence line) {
        return new Cursor(line.toString()).line();
    }

    /**
     * Types one value or list element the way {@link #parse} does (FORMAT.md "Values"), after
     * trimming spaces and tabs. Never throws: what is nothing else is text.
     */
    public Value parseValue(CharSequence value) {
        String s = value.toString();
        int from = 0;
        int to = s.length();
        while (from < to && isBlank(s.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(s.charAt(to - 1))) {
            to--;
        }
        return ValueTypes.of(s, from, to);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** The state of one parse: the text, where it ends (before the line break) and the sections so far. */
    private static final class Cursor {

        /** Above this many sections, duplicates are found by hashing rather than by a scan. */
        private static final int LINEAR_DUPLICATE_SCAN = 16;

        private final String s;
        private final int end;
        private final List<Section> sections = new ArrayList<>(12);
        private Set<String> sectionNames;
        /** Where the name of the section that follows the current body starts and where its ':' is. */
        private int nextNameStart;
        private int nextColon;

        Cursor(String s) {
            this.s = s;
            int length = s.length();
            if (length > 0 && s.charAt(length - 1) == '\n') {
                length -= length > 1 && s.charAt(length - 2) == '\r' ? 2 : 1;
            }
            this.end = length;
        }

        SensorLine line() {
            int start = skipBlanks(0);
            if (start == end) {
                throw error(start, "expected a section (\"Name: ...\"), got an empty line", null, null);
            }
            int delimiter = scan(start);
            if (delimiter == end || s.charAt(delimiter) != ':') {
                int nameEnd = trimEnd(start, delimiter);
                throw error(delimiter, nameEnd == start
                        ? "expected a section (\"Name: ...\") before '" + s.charAt(delimiter) + "'"
                        : "expected ':' after section name \"" + s.substring(start, nameEnd) + "\"", null, null);
            }
            nextNameStart = start;
            nextColon = delimiter;
            while (nextColon >= 0) {
                String name = sectionName(nextNameStart, nextColon);
                sections.add(body(name, nextColon + 1));
            }
            return new SensorLine(Collections.unmodifiableList(sections));
        }

        private String sectionName(int start, int colon) {
            int nameEnd = trimEnd(start, colon);
            if (nameEnd == start) {
                throw error(colon, "expected a section name before ':'", null, null);
            }
            String name = s.substring(start, nameEnd);
            if (isDuplicateSection(name)) {
                throw error(start, "duplicate section \"" + name + "\"", name, null);
            }
            return name;
        }

        private boolean isDuplicateSection(String name) {
            if (sectionNames != null) {
                return !sectionNames.add(name);
            }
            for (Section section : sections) {
                if (section.name().equals(name)) {
                    return true;
                }
            }
            if (sections.size() >= LINEAR_DUPLICATE_SCAN) {
                sectionNames = new HashSet<>();
                for (Section section : sections) {
                    sectionNames.add(section.name());
                }
                sectionNames.add(name);
            }
            return false;
        }

        /** Reads the body after {@code Name:}; leaves nextColon at the next section's ':' or -1 at the end. */
        private Section body(String name, int from) {
            int start = skipBlanks(from);
            if (start == end) {
                throw error(start, "section \"" + name + "\" is empty: expected key=value pairs or a list of values", name, null);
            }
            int delimiter = scan(start);
            if (delimiter < end && s.charAt(delimiter) == '=') {
                return keyValues(name, start, delimiter);
            }
            return list(name, start, delimiter);
        }

        private Section keyValues(String name, int keyStart, int equals) {
            Map<String, Value> entries = new LinkedHashMap<>(8);
            while (true) {
                int keyEnd = trimEnd(keyStart, equals);
                if (keyEnd == keyStart) {
                    throw error(equals, "expected a key before '=' in section \"" + name + "\"", name, null);
                }
                String key = s.substring(keyStart, keyEnd);
                int valueStart = skipBlanks(equals + 1);
                int valueEnd = scan(valueStart);
                while (valueEnd < end && s.charAt(valueEnd) == '=') {
                    valueEnd = scan(valueEnd + 1);
                }
                if (valueEnd < end && s.charAt(valueEnd) == ':') {
                    throw error(valueEnd, "expected ';' or the end of the line after the value of key \"" + key
                            + "\" (a value cannot contain ':')", name, key);
                }
                if (entries.put(key, ValueTypes.of(s, valueStart, trimEnd(valueStart, valueEnd))) != null) {
                    throw error(keyStart, "duplicate key \"" + key + "\" in section \"" + name + "\"", name, key);
                }
                if (valueEnd == end) {
                    break;
                }
                keyStart = skipBlanks(valueEnd + 1);
                if (keyStart == end) {
                    break;
                }
                int delimiter = scan(keyStart);
                if (delimiter < end && s.charAt(delimiter) == ':') {
                    nextNameStart = keyStart;
                    nextColon = delimiter;
                    return new KeyValueSection(name, Collections.unmodifiableMap(entries));
                }
                if (delimiter == end || s.charAt(delimiter) == ';') {
                    int itemEnd = trimEnd(keyStart, delimiter);
                    if (itemEnd == keyStart) {
                        throw error(delimiter, "expected key=value in section \"" + name + "\", got an empty entry", name, null);
                    }
                    String item = s.substring(keyStart, itemEnd);
                    throw error(delimiter, "expected '=' after key \"" + item + "\" in section \"" + name + "\"", name, item);
                }
                equals = delimiter;
            }
            nextColon = -1;
            return new KeyValueSection(name, Collections.unmodifiableMap(entries));
        }

        private Section list(String name, int start, int delimiter) {
            while (delimiter < end && s.charAt(delimiter) == ':') {
                delimiter = scan(delimiter + 1);
            }
            if (delimiter < end && s.charAt(delimiter) == '=') {
                throw unexpectedEquals(name, delimiter);
            }
            List<Value> elements = new ArrayList<>(12);
            elements.add(ValueTypes.of(s, start, trimEnd(start, delimiter)));
            while (delimiter < end) {
                start = skipBlanks(delimiter + 1);
                if (start == end) {
                    break;
                }
                delimiter = scan(start);
                if (delimiter < end) {
                    char c = s.charAt(delimiter);
                    if (c == ':') {
                        nextNameStart = start;
                        nextColon = delimiter;
                        return new ListSection(name, Collections.unmodifiableList(elements));
                    }
                    if (c == '=') {
                        throw unexpectedEquals(name, delimiter);
                    }
                }
                elements.add(ValueTypes.of(s, start, trimEnd(start, delimiter)));
            }
            nextColon = -1;
            return new ListSection(name, Collections.unmodifiableList(elements));
        }

        private LineFormatException unexpectedEquals(String name, int at) {
            return error(at, "unexpected '=' in list section \"" + name + "\": a section holds either key=value pairs or a list of values", name, null);
        }

        /**
         * The index of the next ':', ';' or '=' from {@code i}, or {@code end}; checks every
         * character on the way, so each character of the line is checked exactly once.
         */
        private int scan(int i) {
            final String s = this.s;
            final int end = this.end;
            for (; i < end; i++) {
                char c = s.charAt(i);
                if (c <= '=') {
                    if (c == ':' || c == ';' || c == '=') {
                        return i;
                    }
                    if (c < ' ' && c != '\t') {
                        throw badCharacter(i, c);
                    }
                } else if (c >= 0x7f && !isAllowedAbove7e(i, c)) {
                    throw badCharacter(i, c);
                }
            }
            return end;
        }

        private boolean isAllowedAbove7e(int i, char c) {
            if (c <= 0x9f) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                return i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1));
            }
            if (Character.isLowSurrogate(c)) {
                return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
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
            String digits = Integer.toHexString(c).toUpperCase();
            return "0000".substring(digits.length()) + digits;
        }

        private int skipBlanks(int i) {
            while (i < end && isBlank(s.charAt(i))) {
                i++;
            }
            return i;
        }

        private int trimEnd(int start, int i) {
            while (i > start && isBlank(s.charAt(i - 1))) {
                i--;
            }
            return i;
        }

        private LineFormatException error(int index, String message, String section, String key) {
            return new LineFormatException(message, s.codePointCount(0, index) + 1, section, key);
        }
    }
}
