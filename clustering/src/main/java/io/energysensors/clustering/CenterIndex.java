package io.energysensors.clustering;

import java.util.stream.IntStream;

/**
 * Finds a point's cluster as scikit-learn 1.2 labels it with {@code cluster_all=False}: the
 * nearest center by squared distance, exact ties to the lower label, and -1 (an orphan) when that
 * center is farther than the bandwidth. Few centers are scanned; many go into a {@link PointTree}.
 */
final class CenterIndex {

    static final int ORPHAN = -1;
    private static final int SCAN_LIMIT = 32;

    private final double[] centers;
    private final int dimension;
    private final int count;
    private final double bandwidth;
    private final PointTree tree;

    /** @param centers row-major, label order */
    CenterIndex(double[] centers, int dimension, double bandwidth) {
        this.centers = centers;
        this.dimension = dimension;
        this.count = centers.length / dimension;
        this.bandwidth = bandwidth;
        this.tree = count > SCAN_LIMIT ? new PointTree(centers, dimension) : null;
    }

    double bandwidth() {
        return bandwidth;
    }

    int dimension() {
        return dimension;
    }

    int count() {
        return count;
    }

    /** The center coordinates, row-major in label order; not to be modified. */
    double[] centers() {
        return centers;
    }

    /** Every point's label, computed in parallel; the same whatever the thread count. */
    int[] labelAll(Points points) {
        double[] coordinates = points.coordinates();
        int[] labels = new int[points.size()];
        IntStream.range(0, labels.length).parallel().forEach(i -> labels[i] = label(coordinates, i * dimension));
        return labels;
    }

    /** The label of the point at {@code coordinates[offset .. offset + dimension)}. */
    int label(double[] coordinates, int offset) {
        int nearest = tree == null ? scanNearest(coordinates, offset) : tree.nearest(coordinates, offset);
        // scikit-learn compares the distance, not its square, with the bandwidth
        return Math.sqrt(squaredDistance(nearest, coordinates, offset)) <= bandwidth ? nearest : ORPHAN;
    }

    private int scanNearest(double[] coordinates, int offset) {
        int nearest = 0;
        double least = squaredDistance(0, coordinates, offset);
        for (int label = 1; label < count; label++) {
            double squared = squaredDistanceUpTo(least, label, coordinates, offset);
            if (squared < least) {
                least = squared;
                nearest = label;
            }
        }
        return nearest;
    }

    /**
     * The squared distance, or any value above {@code bound} as soon as the partial sum exceeds
     * it: the terms are not negative, so the full sum could not come out lower.
     */
    private double squaredDistanceUpTo(double bound, int label, double[] coordinates, int offset) {
        int center = label * dimension;
        double total = 0;
        for (int j = 0; j < dimension && total <= bound; j++) {
            double difference = coordinates[offset + j] - centers[center + j];
            total += difference * difference;
        }
        return total;
    }

    private double squaredDistance(int label, double[] coordinates, int offset) {
        return SquaredDistance.between(coordinates, offset, centers, label * dimension, dimension);
    }
}
