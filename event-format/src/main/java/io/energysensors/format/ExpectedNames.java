package io.energysensors.format;

import java.util.Arrays;

/**
 * The known names ({@link Names}) the last lines sent, by their place among a line's names and
 * keys. Sensors send the same names in the same order, so the name expected at a place is
 * matched whole, without a scan for its end or a search among the known names. Learns as it
 * goes: a place whose name differs remembers the new one. One line at a time.
 */
final class ExpectedNames {

    /** Places beyond this are never expected: a sensor line has about 30 names and keys. */
    private static final int PLACES = 64;

    private static final int NONE = -1;

    /** The known name's index by place, or NONE. */
    private final int[] byPlace = new int[PLACES];
    /** The place of the next name in this line. */
    private int place;
    /** Where {@link #matchAt} last matched the expected name, or NONE. */
    private int matchedAt;

    ExpectedNames() {
        Arrays.fill(byPlace, NONE);
    }

    void startLine() {
        place = 0;
        matchedAt = NONE;
    }

    /**
     * The index of the '=' or ':' directly after the name expected next, when {@code s} holds it
     * at {@code start}; else NONE, and the item is to be scanned. A known name holds no delimiter
     * and only allowed characters, so a match is what the scan would have found.
     */
    int matchAt(char[] s, int start, int end) {
        matchedAt = NONE;
        int expected = place < PLACES ? byPlace[place] : NONE;
        if (expected == NONE) {
            return NONE;
        }
        char[] name = Names.chars(expected);
        int after = start + name.length;
        if (after < end && (s[after] == '=' || s[after] == ':') && Names.matches(s, start, name)) {
            matchedAt = start;
            return after;
        }
        return NONE;
    }

    /**
     * The name or key {@code s[start, nameEnd)}, not empty, as the next name of the line: the
     * shared instance when it is a known name; remembered as expected at its place.
     */
    String take(char[] s, int start, int nameEnd) {
        int at = place++;
        if (matchedAt == start) {
            return Names.name(byPlace[at]);
        }
        int known = Names.indexOf(s, start, nameEnd);
        if (at < PLACES) {
            byPlace[at] = known;
        }
        return known >= 0 ? Names.name(known) : new String(s, start, nameEnd - start);
    }
}
