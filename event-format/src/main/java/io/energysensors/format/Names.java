package io.energysensors.format;

import java.util.Arrays;

/**
 * The section names and keys the sensors send, shared instead of copied out of every line:
 * a parse then allocates no string for them, and their hash codes are computed once.
 */
final class Names {

    private static final String[] NAMES = {
        "Device",
        "ID",
        "Fw",
        "Evt",
        "Alarms",
        "CoilRevesed",
        "CoilReversed",
        "Power",
        "Active",
        "Reactive",
        "Appearent",
        "Apparent",
        "Line",
        "Current",
        "Voltage",
        "Phase",
        "Peaks",
        "FFT Re",
        "FFT Img",
        "UTC Time",
        "hz",
        "WiFi Strength",
        "Dummy",
    };
    /** Indexes into NAMES by length, then as characters, for a comparison without String.charAt. */
    private static final int[][] BY_LENGTH = new int[32][0];

    private static final char[][] CHARS = new char[NAMES.length][];

    static {
        for (int i = 0; i < NAMES.length; i++) {
            String name = NAMES[i];
            CHARS[i] = name.toCharArray();
            int[] same = BY_LENGTH[name.length()];
            int[] grown = Arrays.copyOf(same, same.length + 1);
            grown[same.length] = i;
            BY_LENGTH[name.length()] = grown;
            name.hashCode();
        }
    }

    private Names() {}

    /** The index of {@code s[from, to)} among the known names, or -1. */
    static int indexOf(char[] s, int from, int to) {
        int length = to - from;
        if (length < BY_LENGTH.length) {
            for (int index : BY_LENGTH[length]) {
                if (matches(s, from, CHARS[index])) {
                    return index;
                }
            }
        }
        return -1;
    }

    /** The shared instance of the known name at {@code index}. */
    static String name(int index) {
        return NAMES[index];
    }

    /** The characters of the known name at {@code index}; not to be changed. */
    static char[] chars(int index) {
        return CHARS[index];
    }

    /** Whether {@code s} holds {@code name} from {@code from} on; {@code s} must be long enough. */
    static boolean matches(char[] s, int from, char[] name) {
        for (int i = 0; i < name.length; i++) {
            if (s[from + i] != name[i]) {
                return false;
            }
        }
        return true;
    }
}
