package io.energysensors.logservice.clusters;

import java.util.Arrays;

import io.energysensors.clustering.Points;
import io.energysensors.format.event.Feature;

/**
 * The features of some events in the order they were added, with their ids: a growing flat
 * array, so 100k events cost two arrays and no object per event. Sized right from the start
 * (the expected count), a million events cost 72 MB and no copy on the way to Mean Shift.
 */
final class Features {

    static final int DIMENSION = Feature.COUNT;

    private long[] ids;
    private double[] coordinates;
    private int size;

    Features(int expected) {
        int capacity = Math.max(16, expected);
        this.ids = new long[capacity];
        this.coordinates = new double[capacity * DIMENSION];
    }

    void add(long id, double[] row) {
        if (size == ids.length) {
            // By half: a whole store was sized for its count, and outgrows it only by events stored meanwhile.
            int capacity = ids.length + (ids.length >> 1);
            ids = Arrays.copyOf(ids, capacity);
            coordinates = Arrays.copyOf(coordinates, capacity * DIMENSION);
        }
        ids[size] = id;
        System.arraycopy(row, 0, coordinates, size * DIMENSION, DIMENSION);
        size++;
    }

    /** Replaces the event at {@code index}: reservoir sampling overwrites a kept event. */
    void set(int index, long id, double[] row) {
        ids[index] = id;
        System.arraycopy(row, 0, coordinates, index * DIMENSION, DIMENSION);
    }

    int size() {
        return size;
    }

    long id(int index) {
        return ids[index];
    }

    /** The backing ids, valid up to {@code size()}. */
    long[] ids() {
        return ids;
    }

    /** The backing coordinates, point {@code i} at {@code i * DIMENSION}; valid up to {@code size() * DIMENSION}. */
    double[] coordinates() {
        return coordinates;
    }

    /**
     * The events' features as points, sharing this array (trimmed to size first if it is not):
     * a million events' features are not copied. Nothing may be added or set afterwards.
     */
    Points points() {
        if (coordinates.length != size * DIMENSION) {
            ids = Arrays.copyOf(ids, size);
            coordinates = Arrays.copyOf(coordinates, size * DIMENSION);
        }
        return new Points(coordinates, DIMENSION);
    }

    /** The same events in ascending id order. */
    Features sortedById() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
        Features sorted = new Features(size);
        double[] row = new double[DIMENSION];
        for (int index : order) {
            System.arraycopy(coordinates, index * DIMENSION, row, 0, DIMENSION);
            sorted.add(ids[index], row);
        }
        return sorted;
    }
}
