package io.energysensors.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

/**
 * The fast Mean Shift (k-d tree with subtree sums, parallel seeds) against the plain one of
 * {@link BruteForceMeanShift}, on seeded random data of many shapes: the same labels for every
 * point, the same iteration count, centers within 1e-9 (they are sums in another order).
 */
class FastAgreesWithBruteForceTests {

    private final MeanShift meanShift = new MeanShift();

    @Test
    void agreesOnGaussianBlobs() {
        for (int seed = 0; seed < 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int dimension = 1 + seed % 4;
            double[][] points = blobs(random, 100 + 40 * seed, dimension, 2 + seed % 5, 10);

            assertAgree(points, estimate(points), "blobs seed " + seed);
        }
    }

    @Test
    void agreesOnSmallIntegerDataWherePointsLieExactlyOneBandwidthFromSeeds() {
        // With bandwidth 1 or 2 the bin centers are integers, so many points are exactly one
        // bandwidth from a seed and the inclusive radius decides; estimated bandwidths too.
        for (int seed = 0; seed < 60; seed++) {
            SplittableRandom random = new SplittableRandom(1000 + seed);
            int dimension = 1 + seed % 3;
            double[][] points = new double[20 + random.nextInt(120)][dimension];
            for (double[] point : points) {
                for (int j = 0; j < dimension; j++) {
                    point[j] = random.nextInt(6);
                }
            }
            assertAgree(points, 1 + seed % 2, "integers seed " + seed);
            assertAgree(points, estimate(points), "integers seed " + seed + " estimated bandwidth");
        }
    }

    @Test
    void agreesOnUniformPointsInEightDimensions() {
        for (int seed = 0; seed < 10; seed++) {
            SplittableRandom random = new SplittableRandom(2000 + seed);
            double[][] points = new double[300][8];
            for (double[] point : points) {
                for (int j = 0; j < 8; j++) {
                    point[j] = random.nextDouble(-50, 50);
                }
            }
            assertAgree(points, estimate(points), "uniform seed " + seed);
        }
    }

    @Test
    void agreesOnManySmallSeparatedClusters() {
        // 80 tight clusters on a grid, far more than the centers scanned without a tree
        SplittableRandom random = new SplittableRandom(3000);
        double[][] points = new double[1600][2];
        for (int i = 0; i < points.length; i++) {
            int cluster = i % 80;
            points[i][0] = cluster % 10 * 10 + random.nextGaussian() * 0.3;
            points[i][1] = cluster / 10 * 10 + random.nextGaussian() * 0.3;
        }
        MeanShiftResult fast = assertAgree(points, 2.0, "grid of clusters");

        assertThat(fast.clusterCount()).isEqualTo(80);
    }

    @Test
    void agreesOnHeavilyDuplicatedPoints() {
        for (int seed = 0; seed < 10; seed++) {
            SplittableRandom random = new SplittableRandom(4000 + seed);
            double[][] distinct = blobs(random, 12, 3, 3, 5);
            double[][] points = new double[400][];
            for (int i = 0; i < points.length; i++) {
                points[i] = distinct[random.nextInt(distinct.length)].clone();
            }
            assertAgree(points, 3.0, "duplicates seed " + seed);
        }
    }

    @Test
    void agreesOnApplianceLikeLoads() {
        Points loads = SyntheticLoads.generate(3000, 7);
        double[][] points = rows(loads);

        assertAgree(points, BandwidthEstimator.reference().estimate(loads), "synthetic loads");
    }

    @Test
    void agreesOnTheSample() {
        Points sample = ReferenceData.sampleFeatures();

        assertAgree(rows(sample), BandwidthEstimator.reference().estimate(sample), "sample");
    }

    @Test
    void givesBitIdenticalResultsWhateverTheThreadCount() throws Exception {
        Points loads = SyntheticLoads.generate(200_000, 11);
        double bandwidth = BandwidthEstimator.reference().estimate(loads);

        MeanShiftResult oneThread = inPool(1, loads, bandwidth);
        MeanShiftResult threeThreads = inPool(3, loads, bandwidth);

        // isEqualTo: containsExactly's diff is quadratic in the 200 000 labels
        assertThat(threeThreads.labels()).isEqualTo(oneThread.labels());
        assertThat(threeThreads.iterations()).isEqualTo(oneThread.iterations());
        assertThat(threeThreads.clusterCount()).isEqualTo(oneThread.clusterCount());
        for (int label = 0; label < oneThread.clusterCount(); label++) {
            assertThat(threeThreads.center(label)).containsExactly(oneThread.center(label));
        }
    }

    private MeanShiftResult inPool(int threads, Points points, double bandwidth) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> meanShift.cluster(points, bandwidth)).get();
        } finally {
            pool.shutdown();
        }
    }

    private MeanShiftResult assertAgree(double[][] points, double bandwidth, String description) {
        MeanShiftResult fast = meanShift.cluster(Points.ofRows(points), bandwidth);
        BruteForceMeanShift.Result plain = BruteForceMeanShift.cluster(points, bandwidth, 300);

        CenterAssertions.assertCentersClose(fast, plain.centers(), description);
        assertThat(fast.labels()).as(description).containsExactly(plain.labels());
        assertThat(fast.iterations()).as(description).isEqualTo(plain.iterations());
        return fast;
    }

    private static double estimate(double[][] points) {
        return BandwidthEstimator.reference().estimate(Points.ofRows(points));
    }

    private static double[][] blobs(SplittableRandom random, int count, int dimension, int blobs, double spread) {
        double[][] centers = new double[blobs][dimension];
        for (double[] center : centers) {
            for (int j = 0; j < dimension; j++) {
                center[j] = random.nextDouble(-100, 100);
            }
        }
        double[][] points = new double[count][dimension];
        for (double[] point : points) {
            double[] center = centers[random.nextInt(blobs)];
            for (int j = 0; j < dimension; j++) {
                point[j] = center[j] + random.nextGaussian() * spread;
            }
        }
        return points;
    }

    private static double[][] rows(Points points) {
        double[][] rows = new double[points.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = points.point(i);
        }
        return rows;
    }
}
