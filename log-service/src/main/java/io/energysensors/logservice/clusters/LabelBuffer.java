package io.energysensors.logservice.clusters;

import java.util.Arrays;

/** The labels a run gives, with their events' ids in the order given (ascending), gathered chunk by chunk. */
final class LabelBuffer {

    private long[] ids;
    private int[] labels;
    private int size;

    LabelBuffer(int expected) {
        int capacity = Math.max(16, expected);
        this.ids = new long[capacity];
        this.labels = new int[capacity];
    }

    /** Appends label {@code chunkLabels[i]} of each event {@code i} of the chunk. */
    void add(Features chunk, int[] chunkLabels) {
        int needed = size + chunk.size();
        if (needed > ids.length) {
            int capacity = Math.max(needed, ids.length * 2);
            ids = Arrays.copyOf(ids, capacity);
            labels = Arrays.copyOf(labels, capacity);
        }
        System.arraycopy(chunk.ids(), 0, ids, size, chunk.size());
        System.arraycopy(chunkLabels, 0, labels, size, chunk.size());
        size = needed;
    }

    int size() {
        return size;
    }

    long[] ids() {
        trim();
        return ids;
    }

    int[] labels() {
        trim();
        return labels;
    }

    private void trim() {
        if (ids.length != size) {
            ids = Arrays.copyOf(ids, size);
            labels = Arrays.copyOf(labels, size);
        }
    }
}
