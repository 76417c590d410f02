package io.energysensors.logservice.events;

import java.util.Arrays;

/**
 * The labels of one stored clustering result, immutable: the covered event ids ascending with
 * their labels, an event's label found by binary search, and per label the positions of its
 * members, so a page of one label is a slice. 16 bytes per covered event, nothing per read.
 */
public final class ClusterLabels {

    private static final ClusterLabels NONE = new ClusterLabels(0, new long[0], new int[0]);

    private final long runId;
    private final long[] ids;
    private final int[] labels;
    /** Members of label {@code l} are at {@code byLabel[starts[l + 1] .. starts[l + 2] - 1]}, ascending. */
    private final int[] starts;

    private final int[] byLabel;

    /**
     * Takes the arrays without copying them: the caller must not change them afterwards.
     *
     * @param runId the run that computed the labels
     * @param ids the covered events' ids, strictly ascending
     * @param labels {@code labels[i]} is the label of {@code ids[i]}: -1 for an orphan, else 0 or more
     */
    public ClusterLabels(long runId, long[] ids, int[] labels) {
        if (ids.length != labels.length) {
            throw new IllegalArgumentException(ids.length + " ids but " + labels.length + " labels");
        }
        int maxLabel = -1;
        for (int i = 0; i < ids.length; i++) {
            if (i > 0 && ids[i] <= ids[i - 1]) {
                throw new IllegalArgumentException(
                        "ids must ascend strictly: " + ids[i] + " at " + i + " follows " + ids[i - 1]);
            }
            if (labels[i] < -1) {
                throw new IllegalArgumentException("label " + labels[i] + " of event " + ids[i] + " is below -1");
            }
            maxLabel = Math.max(maxLabel, labels[i]);
        }
        this.runId = runId;
        this.ids = ids;
        this.labels = labels;
        this.starts = new int[maxLabel + 3];
        this.byLabel = new int[ids.length];
        groupByLabel();
    }

    /** No result: every event unlabelled. */
    public static ClusterLabels none() {
        return NONE;
    }

    /** The run that computed these labels; 0 for {@link #none()}. */
    public long runId() {
        return runId;
    }

    /**
     * These labels followed by those of events newer than every event here, as run {@code runId}
     * gives them; the arrays are copied.
     *
     * @throws IllegalArgumentException if an id is not above every id here, or they do not ascend
     */
    public ClusterLabels followedBy(long runId, long[] newerIds, int[] newerLabels) {
        long[] allIds = Arrays.copyOf(ids, ids.length + newerIds.length);
        int[] allLabels = Arrays.copyOf(labels, labels.length + newerLabels.length);
        System.arraycopy(newerIds, 0, allIds, ids.length, newerIds.length);
        System.arraycopy(newerLabels, 0, allLabels, labels.length, newerLabels.length);
        return new ClusterLabels(runId, allIds, allLabels);
    }

    /** How many events have a label. */
    public int size() {
        return ids.length;
    }

    /** The label of the event, null if this result does not cover it. */
    public Integer labelOf(long eventId) {
        int index = Arrays.binarySearch(ids, eventId);
        return index < 0 ? null : labels[index];
    }

    /** How many events carry the label. */
    public int count(int label) {
        if (label < -1 || label + 2 >= starts.length) {
            return 0;
        }
        return starts[label + 2] - starts[label + 1];
    }

    /** The ids of the label's members, newest (highest id) first, skipping {@code offset}. */
    public long[] newestFirst(int label, long offset, int limit) {
        int count = count(label);
        if (offset >= count || limit <= 0) {
            return new long[0];
        }
        int last = starts[label + 2] - 1 - (int) offset;
        long[] page = new long[(int) Math.min(limit, count - offset)];
        for (int i = 0; i < page.length; i++) {
            page[i] = ids[byLabel[last - i]];
        }
        return page;
    }

    /** A counting sort by label that keeps id order within each label. */
    private void groupByLabel() {
        for (int label : labels) {
            starts[label + 2]++;
        }
        for (int slot = 1; slot < starts.length; slot++) {
            starts[slot] += starts[slot - 1];
        }
        int[] next = Arrays.copyOf(starts, starts.length);
        for (int i = 0; i < labels.length; i++) {
            byLabel[next[labels[i] + 1]++] = i;
        }
    }
}
