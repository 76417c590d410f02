package io.energysensors.logservice.clusters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.energysensors.clustering.MeanShiftResult;

/**
 * Per-label count, mean, population standard deviation, minimum and maximum of every feature,
 * accumulated one member at a time (Welford's update, which stays exact where all members share
 * a value, as the sample's constant voltage does), so no read ever computes them.
 */
final class ClusterStatistics {

    private static final int D = Features.DIMENSION;

    private final long[] counts;
    private final double[] mean;
    private final double[] squares;
    private final double[] min;
    private final double[] max;

    /** Slot {@code label + 1}: slot 0 holds the orphans. */
    ClusterStatistics(int clusterCount) {
        int slots = clusterCount + 1;
        counts = new long[slots];
        mean = new double[slots * D];
        squares = new double[slots * D];
        min = new double[slots * D];
        max = new double[slots * D];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    private ClusterStatistics(ClusterStatistics other) {
        counts = other.counts.clone();
        mean = other.mean.clone();
        squares = other.squares.clone();
        min = other.min.clone();
        max = other.max.clone();
    }

    /** A copy to add to, leaving these as they are. */
    ClusterStatistics copy() {
        return new ClusterStatistics(this);
    }

    void add(int label, double[] coordinates, int offset) {
        int slot = label + 1;
        long n = ++counts[slot];
        for (int j = 0; j < D; j++) {
            int k = slot * D + j;
            double x = coordinates[offset + j];
            double delta = x - mean[k];
            mean[k] += delta / n;
            squares[k] += delta * (x - mean[k]);
            min[k] = Math.min(min[k], x);
            max[k] = Math.max(max[k], x);
        }
    }

    /** Orphans first (if any), then every cluster in label order. */
    List<ClusterRow> rows(MeanShiftResult result) {
        List<ClusterRow> rows = new ArrayList<>(counts.length);
        for (int slot = 0; slot < counts.length; slot++) {
            if (slot == 0 && counts[0] == 0) {
                continue;
            }
            int label = slot - 1;
            double[] std = new double[D];
            for (int j = 0; j < D; j++) {
                std[j] = counts[slot] == 0 ? 0 : Math.sqrt(squares[slot * D + j] / counts[slot]);
            }
            rows.add(new ClusterRow(
                    label,
                    counts[slot],
                    label < 0 ? null : result.center(label),
                    slice(mean, slot),
                    std,
                    slice(min, slot),
                    slice(max, slot)));
        }
        return rows;
    }

    private static double[] slice(double[] values, int slot) {
        return Arrays.copyOfRange(values, slot * D, (slot + 1) * D);
    }
}
