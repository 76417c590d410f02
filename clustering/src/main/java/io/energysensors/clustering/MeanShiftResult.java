package io.energysensors.clustering;

import java.util.Arrays;

/**
 * The outcome of {@link MeanShift#cluster}: cluster centers in label order (label 0 is the
 * cluster whose mode gathered the most points), a label per point (-1 for an orphan farther than
 * the bandwidth from every center), and the means to place new points the same way. Immutable;
 * accessors return copies.
 */
public final class MeanShiftResult {

    /** The label of a point farther than the bandwidth from its nearest center. */
    public static final int ORPHAN = CenterIndex.ORPHAN;

    private final double bandwidth;
    private final int dimension;
    private final double[] centers;
    private final int[] labels;
    private final int[] counts;
    private final int orphans;
    private final int iterations;
    private final CenterIndex centerIndex;

    MeanShiftResult(CenterIndex centerIndex, int[] labels, int iterations) {
        this.bandwidth = centerIndex.bandwidth();
        this.dimension = centerIndex.dimension();
        this.centers = centerIndex.centers();
        this.labels = labels;
        this.iterations = iterations;
        this.counts = new int[centerIndex.count()];
        int orphanCount = 0;
        for (int label : labels) {
            if (label == ORPHAN) {
                orphanCount++;
            } else {
                counts[label]++;
            }
        }
        this.orphans = orphanCount;
        this.centerIndex = centerIndex;
    }

    /** The bandwidth the points were clustered with. */
    public double bandwidth() {
        return bandwidth;
    }

    public int dimension() {
        return dimension;
    }

    public int clusterCount() {
        return counts.length;
    }

    /** A copy of the center of cluster {@code label}. */
    public double[] center(int label) {
        return Arrays.copyOfRange(centers, label * dimension, (label + 1) * dimension);
    }

    /** Copies of all centers, in label order. */
    public double[][] centers() {
        double[][] rows = new double[counts.length][];
        for (int label = 0; label < rows.length; label++) {
            rows[label] = center(label);
        }
        return rows;
    }

    /** How many of the clustered points carry {@code label}. */
    public int count(int label) {
        return counts[label];
    }

    public int orphanCount() {
        return orphans;
    }

    /** How many points were clustered. */
    public int size() {
        return labels.length;
    }

    /** The label of clustered point {@code point}, or {@link #ORPHAN}. */
    public int label(int point) {
        return labels[point];
    }

    /** A copy of every point's label, in point order. */
    public int[] labels() {
        return labels.clone();
    }

    /** The most shift iterations any seed took (scikit-learn's {@code n_iter_}). */
    public int iterations() {
        return iterations;
    }

    /**
     * The label a new point gets, by the rule the clustered points got theirs: nearest center,
     * exact ties to the lower label, {@link #ORPHAN} beyond the bandwidth.
     *
     * @throws IllegalArgumentException if the point has the wrong number of features
     * @throws ClusteringException if a feature is NaN or infinite
     */
    public int assign(double[] point) {
        if (point.length != dimension) {
            throw new IllegalArgumentException("point has " + point.length + " features, the clusters " + dimension);
        }
        for (int j = 0; j < point.length; j++) {
            if (!Double.isFinite(point[j])) {
                throw new ClusteringException(
                        "feature " + j + " is " + point[j] + ": every feature must be a finite number");
            }
        }
        return centerIndex.label(point, 0);
    }

    /** The label of every point of a set, as {@link #assign} gives it, computed in parallel. */
    public int[] assignAll(Points points) {
        if (points.dimension() != dimension) {
            throw new IllegalArgumentException(
                    "points have " + points.dimension() + " features, the clusters " + dimension);
        }
        return centerIndex.labelAll(points);
    }
}
