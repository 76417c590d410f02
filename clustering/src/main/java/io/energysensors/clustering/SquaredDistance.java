package io.energysensors.clustering;

/**
 * The squared Euclidean distance, summed over features in order, as scikit-learn's k-d tree sums
 * it. Every comparison with a radius in this package goes through it, so that the same two points
 * always give the same bits.
 */
final class SquaredDistance {

    private SquaredDistance() {}

    /** Between {@code a[aOffset ..]} and {@code b[bOffset ..]}, {@code dimension} features each. */
    static double between(double[] a, int aOffset, double[] b, int bOffset, int dimension) {
        double total = 0;
        for (int j = 0; j < dimension; j++) {
            double difference = a[aOffset + j] - b[bOffset + j];
            total += difference * difference;
        }
        return total;
    }
}
