package io.energysensors.format;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The parser's storage for one line and the unmodifiable lists and insertion-ordered maps that
 * are views of it: one small object per section over one array per line, where ArrayList and
 * LinkedHashMap behind unmodifiable wrappers cost an object per entry and two wrappers. Sections
 * hold a handful of entries, so a linear search is what a hash lookup would cost anyway; past
 * {@link UniqueNames#SCANNED_UP_TO} keys the map is a LinkedHashMap after all.
 */
final class Entries {

    private Entries() {}

    /**
     * What one line holds, appended to an array allocated afresh for each line, each section's
     * list or map a view of its range: no copy per section, and a view keeps its range valid
     * when the array is replaced by a larger one. The array is new rather than reused because
     * G1 fences every store of a reference into an object that has left the young generation
     * (its post-write barrier), as a buffer kept from line to line soon has; a store into an
     * array allocated for this line skips the fence. A view keeps its whole line's array alive.
     */
    static final class Items {

        private static final int MIN_CAPACITY = 16;
        /** The first array is as large as the last line needed, up to this: lines tend to look alike. */
        private static final int MAX_INITIAL_CAPACITY = 1024;

        private Object[] items;
        private int size;
        private int initialCapacity = MIN_CAPACITY;
        /** Where the current section's entries begin. */
        private int sectionStart;
        /** The current section's keys, which alternate with their values from sectionStart on. */
        private final UniqueNames keys = new UniqueNames(i -> (String) items[sectionStart + 2 * i]);

        /** Starts a line with a new array. */
        void start() {
            items = new Object[initialCapacity];
            size = 0;
        }

        /** Ends the line: lets go of it, and sizes the next line's array to it. */
        void finish() {
            initialCapacity = Math.min(Math.max(size, MIN_CAPACITY), MAX_INITIAL_CAPACITY);
            items = null;
            keys.clear();
        }

        /** Starts a section: where its entries begin, for {@link #list} and {@link #map}. */
        int mark() {
            keys.clear();
            sectionStart = size;
            return size;
        }

        int size() {
            return size;
        }

        Object get(int i) {
            return items[i];
        }

        void add(Object item) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = item;
        }

        /** Adds the pair to the current section; false (and nothing added) when the key is already there. */
        boolean put(String key, Value value) {
            if (!keys.add(key)) {
                return false;
            }
            add(key);
            add(value);
            return true;
        }

        /**
         * Always the same list class, even for one element: a loop over lists of one class lets
         * the JIT do away with its iterator, and a singleton list saves less than that costs.
         */
        <T> List<T> list(int from) {
            return new ArrayView<>(items, from, size);
        }

        /** The pairs {@link #put} from {@code from} on. */
        Map<String, Value> map(int from) {
            if (size - from <= 2 * UniqueNames.SCANNED_UP_TO) {
                return new ValueMap(items, from, size);
            }
            Map<String, Value> large = new LinkedHashMap<>(size - from);
            for (int i = from; i < size; i += 2) {
                large.put((String) items[i], (Value) items[i + 1]);
            }
            return Collections.unmodifiableMap(large);
        }
    }

    private static final class ArrayView<T> extends AbstractList<T> implements RandomAccess {

        private final Object[] items;
        private final int from;
        private final int size;

        ArrayView(Object[] items, int from, int to) {
            this.items = items;
            this.from = from;
            this.size = to - from;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            return (T) items[from + Objects.checkIndex(index, size)];
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** Keys and values alternate in the line's array. */
    private static final class ValueMap extends AbstractMap<String, Value> {

        private final Object[] pairs;
        private final int from;
        private final int to;

        ValueMap(Object[] pairs, int from, int to) {
            this.pairs = pairs;
            this.from = from;
            this.to = to;
        }

        @Override
        public Value get(Object key) {
            int i = indexOf(key);
            return i < 0 ? null : (Value) pairs[i + 1];
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(key) >= 0;
        }

        /** The index in {@code pairs} of the key, or -1. */
        private int indexOf(Object key) {
            for (int i = from; i < to; i += 2) {
                if (pairs[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public int size() {
            return (to - from) / 2;
        }

        @Override
        public Set<Entry<String, Value>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Value>> iterator() {
                    return new Iterator<>() {
                        private int next = from;

                        @Override
                        public boolean hasNext() {
                            return next < to;
                        }

                        @Override
                        public Entry<String, Value> next() {
                            if (next >= to) {
                                throw new NoSuchElementException();
                            }
                            Entry<String, Value> entry = Map.entry((String) pairs[next], (Value) pairs[next + 1]);
                            next += 2;
                            return entry;
                        }
                    };
                }

                @Override
                public int size() {
                    return ValueMap.this.size();
                }
            };
        }
    }
}
