package io.energysensors.clustering;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.apache.commons.math3.exception.NotStrictlyPositiveException;
import org.apache.commons.math3.exception.OutOfRangeException;

/**
 * Estimates a Mean Shift bandwidth as scikit-learn 1.2's
 * {@code estimate_bandwidth(X, quantile, n_samples, random_state)} does, to the last bit.
 *
 * <ol>
 * <li>Sample: the first {@code min(n, sampleSize)} entries of numpy's
 *     {@code RandomState(seed).permutation(n)}, in that order; without a sample size, every
 *     point in its given order.</li>
 * <li>For each of the {@code m} sampled points, the distance to its {@code k}-th nearest
 *     neighbour within the sample, {@code k = max(1, (int) (m * quantile))}, the point itself
 *     being its own first neighbour.</li>
 * <li>The bandwidth is the mean of those distances, summed as numpy sums them (pairwise, in
 *     batches of 500 points) so that the result is bit-identical.</li>
 * </ol>
 * The work is quadratic in the sample size: sample a large point set rather than using all of it.
 * Instances are immutable and thread-safe.
 *
 * @see <a href="https://scikit-learn.org/1.2/modules/generated/sklearn.cluster.estimate_bandwidth.html">
 *     scikit-learn 1.2 estimate_bandwidth</a>
 */
public final class BandwidthEstimator {

    /** scikit-learn estimates k-nearest-neighbour distances in batches of this many points. */
    private static final int SUM_BATCH = 500;

    private static final int EVERY_POINT = -1;
    private static final double REFERENCE_QUANTILE = 0.2;
    private static final int REFERENCE_SAMPLE_SIZE = 200;

    private final double quantile;
    private final int sampleSize;
    private final int seed;

    /**
     * Estimates from a random sample, as {@code estimate_bandwidth(X, quantile, n_samples=sampleSize,
     * random_state=seed)}.
     *
     * @param quantile which neighbour's distance to average, as a fraction of the sample, in [0, 1]
     * @param sampleSize at most this many points are sampled, at least 1
     * @param seed numpy {@code RandomState} seed, 0 to 2^31 - 1
     */
    public BandwidthEstimator(double quantile, int sampleSize, int seed) {
        if (!(quantile >= 0 && quantile <= 1)) {
            throw new OutOfRangeException(quantile, 0, 1);
        }
        if (sampleSize < 1) {
            throw new NotStrictlyPositiveException(sampleSize);
        }
        if (seed < 0) {
            throw new OutOfRangeException(seed, 0, Integer.MAX_VALUE);
        }
        this.quantile = quantile;
        this.sampleSize = sampleSize;
        this.seed = seed;
    }

    /**
     * Estimates from every point in its given order, as {@code estimate_bandwidth(X, quantile,
     * n_samples=None)}. Quadratic in the number of points.
     */
    public BandwidthEstimator(double quantile) {
        if (!(quantile >= 0 && quantile <= 1)) {
            throw new OutOfRangeException(quantile, 0, 1);
        }
        this.quantile = quantile;
        this.sampleSize = EVERY_POINT;
        this.seed = 0;
    }

    /** The settings of the original system: quantile 0.2, 200 sampled points, seed 0. */
    public static BandwidthEstimator reference() {
        return new BandwidthEstimator(REFERENCE_QUANTILE, REFERENCE_SAMPLE_SIZE, 0);
    }

    /**
     * @return the bandwidth, positive and finite
     * @throws ClusteringException if there are no points, or the bandwidth comes out as zero
     *     (too few points, fewer than 10 for quantile 0.2, or the sample so duplicated that
     *     each point's k-th neighbour is a copy of itself)
     */
    public double estimate(Points points) {
        if (points.size() == 0) {
            throw new ClusteringException("no points to estimate a bandwidth from");
        }
        int[] sample = sampleIndices(points.size());
        int neighbour = neighbourRank(sample.length);
        double[] distances = kthNeighbourDistances(points, sample, neighbour);
        double bandwidth = numpyMean(distances);
        requireUsable(bandwidth, sample.length, neighbour, quantile);
        return bandwidth;
    }

    /** The indices of the points sampled from {@code n}, in sampling order. */
    int[] sampleIndices(int n) {
        if (sampleSize == EVERY_POINT) {
            return IntStream.range(0, n).toArray();
        }
        int[] permutation = new NumpyRandomState(seed).permutation(n);
        return Arrays.copyOf(permutation, Math.min(n, sampleSize));
    }

    private int neighbourRank(int sampled) {
        return Math.max(1, (int) (sampled * quantile));
    }

    private static double[] kthNeighbourDistances(Points points, int[] sample, int neighbour) {
        double[] coordinates = points.coordinates();
        int dimension = points.dimension();
        return IntStream.range(0, sample.length)
                .parallel()
                .mapToDouble(a -> {
                    double[] squared = new double[sample.length];
                    int from = sample[a] * dimension;
                    for (int b = 0; b < sample.length; b++) {
                        squared[b] = SquaredDistance.between(
                                coordinates, from, coordinates, sample[b] * dimension, dimension);
                    }
                    Arrays.sort(squared);
                    return Math.sqrt(squared[neighbour - 1]);
                })
                .toArray();
    }

    private static double numpyMean(double[] values) {
        double total = 0.0;
        for (int from = 0; from < values.length; from += SUM_BATCH) {
            total += PairwiseSum.sum(values, from, Math.min(values.length, from + SUM_BATCH));
        }
        return total / values.length;
    }

    private static void requireUsable(double bandwidth, int sampled, int neighbour, double quantile) {
        if (bandwidth == 0) {
            String why = neighbour == 1
                    ? "too few points (" + sampled + ") for quantile " + quantile
                            + ": the neighbour measured is the nearest, each point itself"
                    : "each of the " + sampled + " sampled points has at least " + (neighbour - 1)
                            + " exact duplicates in the sample";
            throw new ClusteringException(
                    "estimated bandwidth is 0: " + why + "; Mean Shift needs more distinct points");
        }
        if (!Double.isFinite(bandwidth)) {
            throw new ClusteringException("estimated bandwidth is " + bandwidth
                    + ": the features are too large to measure distances between points");
        }
    }
}
