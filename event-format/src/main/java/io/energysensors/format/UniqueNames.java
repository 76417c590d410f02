package io.energysensors.format;

import java.util.HashSet;
import java.util.function.IntFunction;

/**
 * Finds a repeated name among those added so far in one scope (a line's sections, a section's
 * keys): "scan a few, then a hash set". A sensor line has about a dozen sections of a few keys
 * each, where a set per scope costs more than comparing a handful of strings, so up to
 * {@link #SCANNED_UP_TO} names are compared directly; past that a {@link HashSet} takes over, so
 * that a line with thousands of names still takes linear time.
 *
 * <p>It keeps no names of its own: the owner already stores them, and a reference stored into
 * a long-lived object costs a G1 write barrier each time (see {@code Entries.Items}). It keeps one
 * bit per hash code modulo 64 instead, which tells most new names apart without a comparison.
 * Used by the line parser and the JSON form; one scope at a time, not thread-safe.
 */
public final class UniqueNames {

    /** Up to this many names, a repeat is found by comparing; beyond, by hashing. */
    public static final int SCANNED_UP_TO = 16;

    private final IntFunction<String> added;
    private int size;
    /** Bit (hash code mod 64) of each name so far. */
    private long hashBits;
    /** The names once there are more than SCANNED_UP_TO, else null. */
    private HashSet<String> hashed;

    /**
     * @param added the owner's copy of the names: the {@code i}-th name added since the last
     *     {@link #clear}, for each {@code i} below their number
     */
    public UniqueNames(IntFunction<String> added) {
        this.added = added;
    }

    /** Starts a new scope. */
    public void clear() {
        size = 0;
        hashBits = 0;
        hashed = null;
    }

    /** Adds the name; false when the scope has it already. The owner stores it next, as the next name. */
    public boolean add(String name) {
        if (hashed != null) {
            return hashed.add(name);
        }
        int hash = name.hashCode();
        long bit = 1L << hash;
        if ((hashBits & bit) != 0) {
            for (int i = 0; i < size; i++) {
                String other = added.apply(i);
                if (other.hashCode() == hash && other.equals(name)) {
                    return false;
                }
            }
        }
        if (size == SCANNED_UP_TO) {
            hashed = new HashSet<>();
            for (int i = 0; i < size; i++) {
                hashed.add(added.apply(i));
            }
            hashed.add(name);
        }
        hashBits |= bit;
        size++;
        return true;
    }
}
