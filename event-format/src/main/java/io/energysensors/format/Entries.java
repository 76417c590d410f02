package io.energysensors.format;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The parser's growable buffers and the unmodifiable list and insertion-ordered map they become:
 * an array and one small object each, where ArrayList and LinkedHashMap behind unmodifiable
 * wrappers cost an object per entry and two wrappers. Sections hold a handful of entries, so a
 * linear search is what a hash lookup would cost anyway; past {@code LINEAR_SCAN} keys the map
 * is a LinkedHashMap after all.
 */
final class Entries {

    private Entries() {
    }

    /** Collects list elements; {@link #toList()} hands an exact-size copy of its array to the list. */
    static final class ListBuilder<T> {

        private Object[] elements = new Object[16];
        private int size;
        /** The most elements held since the last {@link #clear()}: what it has to let go of. */
        private int used;

        void add(T element) {
            if (size == elements.length) {
                elements = Arrays.copyOf(elements, size * 2);
            }
            elements[size++] = element;
        }

        @SuppressWarnings("unchecked")
        T get(int index) {
            return (T) elements[index];
        }

        int size() {
            return size;
        }

        /**
         * Always the same list class, even for one element: a loop over lists of one class lets
         * the JIT do away with its iterator, and a singleton list saves less than that costs.
         */
        List<T> toList() {
            return new ArrayView<>(Arrays.copyOf(elements, size));
        }

        /** Empties the builder for the next list of the same parse, keeping what it held until {@link #clear()}. */
        void reset() {
            used = Math.max(used, size);
            size = 0;
        }

        void clear() {
            Arrays.fill(elements, 0, Math.max(used, size), null);
            size = 0;
            used = 0;
        }
    }

    /** Collects key/value pairs, refusing duplicate keys. */
    static final class MapBuilder {

        /** Above this many keys, duplicates are found by hashing rather than by a scan. */
        private static final int LINEAR_SCAN = 16;

        private String[] keys = new String[8];
        private Value[] values = new Value[8];
        private int size;
        /** The most pairs held since the last {@link #clear()}: what it has to let go of. */
        private int used;
        private HashSet<String> index;

        /** Adds the pair; false (and nothing added) when the key is already there. */
        boolean put(String key, Value value) {
            if (index != null) {
                if (!index.add(key)) {
                    return false;
                }
            } else {
                int hash = key.hashCode();
                for (int i = 0; i < size; i++) {
                    if (keys[i].hashCode() == hash && keys[i].equals(key)) {
                        return false;
                    }
                }
                if (size == LINEAR_SCAN) {
                    index = new HashSet<>(Arrays.asList(keys).subList(0, size));
                    index.add(key);
                }
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = value;
            size++;
            return true;
        }

        Map<String, Value> toMap() {
            if (index != null) {
                Map<String, Value> large = new LinkedHashMap<>(size * 2);
                for (int i = 0; i < size; i++) {
                    large.put(keys[i], values[i]);
                }
                return Collections.unmodifiableMap(large);
            }
            Object[] pairs = new Object[2 * size];
            for (int i = 0; i < size; i++) {
                pairs[2 * i] = keys[i];
                pairs[2 * i + 1] = values[i];
            }
            return new ValueMap(pairs);
        }

        /** Empties the builder for the next section of the same parse, keeping what it held until {@link #clear()}. */
        void reset() {
            used = Math.max(used, size);
            size = 0;
            index = null;
        }

        void clear() {
            int held = Math.max(used, size);
            Arrays.fill(keys, 0, held, null);
            Arrays.fill(values, 0, held, null);
            size = 0;
            used = 0;
            index = null;
        }
    }

    private static final class ArrayView<T> extends AbstractList<T> implements RandomAccess {

        private final Object[] elements;

        ArrayView(Object[] elements) {
            this.elements = elements;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            return (T) elements[index];
        }

        @Override
        public int size() {
            return elements.length;
        }
    }

    /** Keys and values alternate in one array: one allocation fewer per section than two arrays. */
    private static final class ValueMap extends AbstractMap<String, Value> {

        private final Object[] pairs;

        ValueMap(Object[] pairs) {
            this.pairs = pairs;
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
            for (int i = 0; i < pairs.length; i += 2) {
                if (pairs[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public int size() {
            return pairs.length / 2;
        }

        @Override
        public Set<Entry<String, Value>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Value>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < pairs.length;
                        }

                        @Override
                        public Entry<String, Value> next() {
                            if (next >= pairs.length) {
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
                    return pairs.length / 2;
                }
            };
        }
    }
}
