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
    /**
     * The same names' characters, or null: at hand, they spare {@link #matchAt}, which runs for
     * nearly every item of a line, a look-up in Names; without them the parse measured 3-5 % slower.
     */
    private final char[][] charsByPlace = new char[PLACES][];
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
        char[] name = place < PLACES ? charsByPlace[place] : null;
        if (name == null) {
            return NONE;
        }
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
        if (at < PLACES && byPlace[at] != known) {
            byPlace[at] = known;
            charsByPlace[at] = known >= 0 ? Names.chars(known) : null;
        }
        return known >= 0 ? Names.name(known) : new String(s, start, nameEnd - start);
    }
}
