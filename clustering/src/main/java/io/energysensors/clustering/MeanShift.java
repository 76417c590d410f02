package io.energysensors.clustering;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.commons.math3.exception.NotPositiveException;

/**
 * Mean Shift clustering with a flat kernel (Comaniciu and Meer, "Mean Shift: A robust approach
 * toward feature space analysis", IEEE TPAMI 24(5), 2002), computed exactly as scikit-learn 1.2's
 * {@code MeanShift(bandwidth, bin_seeding=True, min_bin_freq=1, cluster_all=False)} computes it,
 * so that the same points and bandwidth give the same clusters and the same label for every
 * point.
 *
 * <ol>
 * <li>Seeds: one per occupied grid bin of side {@code bandwidth} ({@link BinSeeds}).</li>
 * <li>Shift: each seed moves to the mean of the points within the bandwidth of it (inclusive)
 *     until it moves less than {@code 1e-3 * bandwidth} (strictly less, as in 1.2; releases since
 *     2024 stop at equality too) or has made {@code maxIterations} moves; its mode counts the
 *     points of its last ball.</li>
 * <li>Merge: modes are ranked by count, descending, then by coordinates, lexicographically
 *     descending; walking that ranking, a mode still kept removes every later one within the
 *     bandwidth. The survivors are the centers, label 0 first.</li>
 * <li>Label: each point takes its nearest center (exact ties: the lower label), or -1 if that
 *     is farther than the bandwidth.</li>
 * </ol>
 * Radius queries go through a k-d tree that adds whole subtrees inside the ball at once, and
 * seeds are shifted in parallel; each seed's arithmetic is sequential and the results are merged
 * in seed order, so the outcome does not depend on the number of threads. Parallel work runs in
 * the common fork-join pool, or in the pool of the calling thread when called from inside a
 * {@link java.util.concurrent.ForkJoinPool} task.
 *
 * <p>Instances hold only their settings: reusable and thread-safe.
 *
 * @see <a href="https://scikit-learn.org/1.2/modules/generated/sklearn.cluster.MeanShift.html">
 *     scikit-learn 1.2 MeanShift</a>
 */
public final class MeanShift {

    /** scikit-learn's default cap on the moves of one seed. */
    public static final int DEFAULT_MAX_ITERATIONS = 300;

    private static final double CONVERGENCE = 1e-3;

    private final int maxIterations;

    /** With scikit-learn's default of {@value #DEFAULT_MAX_ITERATIONS} moves per seed at most. */
    public MeanShift() {
        this(DEFAULT_MAX_ITERATIONS);
    }

    /** @param maxIterations cap on the moves of one seed, at least 0 */
    public MeanShift(int maxIterations) {
        if (maxIterations < 0) {
            throw new NotPositiveException(maxIterations);
        }
        this.maxIterations = maxIterations;
    }

    /**
     * Clusters as the original system did: bandwidth from {@link BandwidthEstimator#reference()}
     * (quantile 0.2, 200 sampled points, seed 0), then Mean Shift with at most 300 moves per seed.
     *
     * @throws ClusteringException if the points cannot be clustered; the message says why
     */
    public static MeanShiftResult clusterAsReference(Points points) {
        return new MeanShift().cluster(points, BandwidthEstimator.reference());
    }

    /**
     * Estimates the bandwidth, then clusters with it.
     *
     * @throws ClusteringException if the points cannot be clustered; the message says why
     */
    public MeanShiftResult cluster(Points points, BandwidthEstimator estimator) {
        return cluster(points, estimator.estimate(points));
    }

    /**
     * Clusters the points with the given bandwidth.
     *
     * @throws ClusteringException if there are no points, the bandwidth is not a positive finite
     *     number, or no point lies within the bandwidth of any seed
     */
    public MeanShiftResult cluster(Points points, double bandwidth) {
        requireClusterable(points, bandwidth);
        double[][] seeds = BinSeeds.of(points, bandwidth);
        PointTree tree = new PointTree(points.coordinates(), points.dimension());
        Mode[] modes = shiftAll(seeds, tree, bandwidth);
        double[] centers = mergeNearDuplicates(modes, points.dimension(), bandwidth);
        CenterIndex centerIndex = new CenterIndex(centers, points.dimension(), bandwidth);
        int[] labels = centerIndex.labelAll(points);
        return new MeanShiftResult(centerIndex, labels, mostIterations(modes));
    }

    private static void requireClusterable(Points points, double bandwidth) {
        if (points.size() == 0) {
            throw new ClusteringException("no points to cluster");
        }
        if (!(bandwidth > 0) || !Double.isFinite(bandwidth)) {
            throw new ClusteringException("bandwidth must be a positive finite number, was " + bandwidth);
        }
    }

    private Mode[] shiftAll(double[][] seeds, PointTree tree, double bandwidth) {
        return IntStream.range(0, seeds.length)
                .parallel()
                .mapToObj(s -> shift(seeds[s], tree, bandwidth))
                .toArray(Mode[]::new);
    }

    private Mode shift(double[] seed, PointTree tree, double bandwidth) {
        double radiusSquared = bandwidth * bandwidth;
        double stopDistance = CONVERGENCE * bandwidth;
        double[] mean = seed.clone();
        double[] total = new double[seed.length];
        int iterations = 0;
        int within;
        while (true) {
            within = tree.sumWithin(mean, radiusSquared, total);
            if (within == 0) {
                break;
            }
            double[] previous = mean;
            mean = divide(total, within);
            double moved = Math.sqrt(SquaredDistance.between(mean, 0, previous, 0, mean.length));
            if (moved < stopDistance || iterations == maxIterations) {
                break;
            }
            iterations++;
        }
        return new Mode(mean, within, iterations);
    }

    /**
     * The surviving centers, row-major in label order. Modes equal in every coordinate are one
     * mode, whose count is that of the last seed reaching it (scikit-learn keys a dict by them).
     */
    private static double[] mergeNearDuplicates(Mode[] modes, int dimension, double bandwidth) {
        Map<CenterKey, Integer> countByCenter = new LinkedHashMap<>();
        for (Mode mode : modes) {
            if (mode.count() > 0) {
                countByCenter.put(new CenterKey(mode.center()), mode.count());
            }
        }
        if (countByCenter.isEmpty()) {
            throw new ClusteringException("no point within bandwidth " + bandwidth
                    + " of any seed: the points are too spread out in too many features for this"
                    + " bandwidth");
        }
        Mode[] ranked = countByCenter.entrySet().stream()
                .map(entry -> new Mode(entry.getKey().coordinates(), entry.getValue(), 0))
                .sorted(Mode.DENSEST_FIRST)
                .toArray(Mode[]::new);
        boolean[] kept = keepSeparated(ranked, dimension, bandwidth * bandwidth);
        return keptCenters(ranked, kept, dimension);
    }

    private static boolean[] keepSeparated(Mode[] ranked, int dimension, double radiusSquared) {
        double[] flat = new double[ranked.length * dimension];
        for (int m = 0; m < ranked.length; m++) {
            System.arraycopy(ranked[m].center(), 0, flat, m * dimension, dimension);
        }
        PointTree tree = new PointTree(flat, dimension);
        boolean[] kept = new boolean[ranked.length];
        Arrays.fill(kept, true);
        for (int m = 0; m < ranked.length; m++) {
            if (kept[m]) {
                int keeper = m;
                tree.forEachWithin(ranked[m].center(), radiusSquared, other -> {
                    if (other > keeper) {
                        kept[other] = false;
                    }
                });
            }
        }
        return kept;
    }

    private static double[] keptCenters(Mode[] ranked, boolean[] kept, int dimension) {
        int survivors = 0;
        for (boolean keep : kept) {
            survivors += keep ? 1 : 0;
        }
        double[] centers = new double[survivors * dimension];
        int label = 0;
        for (int m = 0; m < ranked.length; m++) {
            if (kept[m]) {
                System.arraycopy(ranked[m].center(), 0, centers, label++ * dimension, dimension);
            }
        }
        return centers;
    }

    private static int mostIterations(Mode[] modes) {
        int most = 0;
        for (Mode mode : modes) {
            most = Math.max(most, mode.iterations());
        }
        return most;
    }

    private static double[] divide(double[] total, int count) {
        double[] mean = new double[total.length];
        for (int j = 0; j < total.length; j++) {
            mean[j] = total[j] / count;
        }
        return mean;
    }

    /** Where a seed ended, how many points its last ball held, and after how many moves. */
    private record Mode(double[] center, int count, int iterations) {

        static final Comparator<Mode> DENSEST_FIRST = (a, b) -> {
            if (a.count != b.count) {
                return Integer.compare(b.count, a.count);
            }
            for (int j = 0; j < a.center.length; j++) {
                if (a.center[j] != b.center[j]) {
                    return a.center[j] > b.center[j] ? -1 : 1;
                }
            }
            return 0;
        };
    }

    /** A center compared by value, with 0.0 and -0.0 equal, as Python compares float tuples. */
    private record CenterKey(double[] coordinates) {

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof CenterKey key)) {
                return false;
            }
            for (int j = 0; j < coordinates.length; j++) {
                if (coordinates[j] != key.coordinates[j]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int hash = 1;
            for (double value : coordinates) {
                hash = 31 * hash + Double.hashCode(value + 0.0);
            }
            return hash;
        }
    }
}
