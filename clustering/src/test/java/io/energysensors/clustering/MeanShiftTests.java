package io.energysensors.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.apache.commons.math3.exception.NotPositiveException;
import org.junit.jupiter.api.Test;

/** Hand-built cases, each answer worked out in its comment, and the refusals. */
class MeanShiftTests {

    private final MeanShift meanShift = new MeanShift();

    @Test
    void separatesTwoGroupsOnALine() {
        // bw 3. Bins rint(x / 3): 0, 0, 1, 3, 4 -> 4 bins for 5 points -> seeds 0, 3, 9, 12.
        // Seed 0: ball [-3, 3] = {0, 1, 2} -> mean 1, moved 1; ball [-2, 4] -> 1, stop (1 move).
        // Seed 3: ball [0, 6] -> 1, moved 2; then 1 again, stop.
        // Seeds 9 and 12: balls hold {10, 11} -> 10.5; then 10.5 again, stop.
        // Modes: 1 (3 points), 10.5 (2 points), 9.5 apart > 3: both kept, denser first.
        MeanShiftResult result = meanShift.cluster(line(0, 1, 2, 10, 11), 3);

        assertThat(result.centers()).isDeepEqualTo(new double[][] {{1}, {10.5}});
        assertThat(result.labels()).containsExactly(0, 0, 0, 1, 1);
        assertThat(result.count(0)).isEqualTo(3);
        assertThat(result.count(1)).isEqualTo(2);
        assertThat(result.orphanCount()).isZero();
        assertThat(result.iterations()).isEqualTo(1);
    }

    @Test
    void ranksModesOfEqualCountByDescendingCoordinates() {
        // bw 2. Bins rint(x / 2), half to even: 0 -> 0, 0.5 -> 0, 5 -> 5, 5.5 -> 6: seeds 0, 10, 12.
        // Seed 0 ends at 0.5 with 2 points; seeds 10 and 12 end at 10.5 with 2 points.
        // Equal counts: the larger coordinate ranks first, so {10, 11} is label 0.
        MeanShiftResult result = meanShift.cluster(line(0, 1, 10, 11), 2);

        assertThat(result.centers()).isDeepEqualTo(new double[][] {{10.5}, {0.5}});
        assertThat(result.labels()).containsExactly(1, 1, 0, 0);
    }

    @Test
    void leavesAPointFartherThanTheBandwidthFromEveryCenterAnOrphan() {
        // bw 3, ten zeros, 2 and 4. Bins rint(x / 3): zeros -> 0, 2 -> 1, 4 -> 1: seeds 0 and 3.
        // Seed 0: ball [-3, 3] = ten zeros and 2 -> 2/11, moved 0.18; same ball again, stop.
        // Seed 3: ball [0, 6] = all 12 -> 0.5, moved 2.5; ball [-2.5, 3.5] = zeros and 2 -> 2/11,
        // moved 0.32; again 2/11, stop after 2 moves. Both seeds reach the same 2/11: one mode.
        // Point 4 is 4 - 2/11 = 3.82 > 3 from it: orphan.
        double[] points = new double[12];
        points[10] = 2;
        points[11] = 4;

        MeanShiftResult result = meanShift.cluster(new Points(points, 1), 3);

        assertThat(result.clusterCount()).isEqualTo(1);
        assertThat(result.center(0)[0]).isCloseTo(2.0 / 11, within(1e-15));
        assertThat(result.label(10)).isZero();
        assertThat(result.label(11)).isEqualTo(MeanShiftResult.ORPHAN);
        assertThat(result.count(0)).isEqualTo(11);
        assertThat(result.orphanCount()).isEqualTo(1);
        assertThat(result.iterations()).isEqualTo(2);
    }

    @Test
    void givesAPointEquallyFarFromTwoCentersTheLowerLabel() {
        // bw 4.5; four 0s, 5, four 10s. Bins rint(x / 4.5): 0, 1, 2 -> seeds 0, 4.5, 9.
        // Seed 0: ball [-4.5, 4.5] = the zeros -> 0, did not move: 4 points.
        // Seed 4.5: ball [0, 9] = zeros and 5 -> 1; ball [-3.5, 5.5] same -> 1: 5 points.
        // Seed 9: ball [4.5, 13.5] = 5 and the tens -> 9, did not move: 5 points.
        // Ranking: 9 (5), 1 (5), 0 (4); 9 keeps, 1 is 8 away and keeps, 0 is within 4.5 of 1.
        // Point 5 is exactly 4 from both 9 (label 0) and 1 (label 1): the lower label wins.
        MeanShiftResult result = meanShift.cluster(line(0, 0, 0, 0, 5, 10, 10, 10, 10), 4.5);

        assertThat(result.centers()).isDeepEqualTo(new double[][] {{9}, {1}});
        assertThat(result.labels()).containsExactly(1, 1, 1, 1, 0, 0, 0, 0, 0);
    }

    @Test
    void placesSeedsInFloat32AsNumpyDoes() {
        // bw 1.1 (as a double 1.1000000000000000888); float32 1.1 is 1.1000000238418579.
        // Bins rint(x / 1.1): 0, 1, 1, 2 -> seeds 0, f32(1.1) = 1.1000000238, 2 * f32(1.1).
        // Seed 1.1000000238: 0 lies 1.1000000238 away, outside; 2.2 lies 1.0999999762 away,
        // inside: mean (1.1 + 1.1 + 2.2) / 3 = 4.4/3, 3 points (one more move, same ball).
        // Seed 0: ball [-1.1, 1.1] = {0, 1.1, 1.1} -> 2.2/3, 3 points.
        // Seed 2.2000000477: 1.1 lies 1.1000000477 away, outside: 2.2 alone, 1 point.
        // Ranking 4.4/3 (3), 2.2/3 (3), 2.2 (1): the first removes both others (0.73 away).
        // Point 0 is 4.4/3 = 1.47 > 1.1 from it: an orphan. (With double seeds the seed at 1.1
        // would hold all 4 points, stay at 1.1 and take point 0 in.)
        MeanShiftResult result = meanShift.cluster(line(0, 1.1, 1.1, 2.2), 1.1);

        assertThat(result.clusterCount()).isEqualTo(1);
        assertThat(result.center(0)[0]).isCloseTo(4.4 / 3, within(1e-15));
        assertThat(result.labels()).containsExactly(-1, 0, 0, 0);
    }

    @Test
    void putsMinusZeroAndZeroBinKeysInOneBin() {
        // bw 1: rint(-0.4) = -0.0 and rint(0.4) = 0.0 are one bin, so there are 2 bins for 3
        // points and the seeds are 0 and 5, which do not move: 0 iterations. Were they two
        // bins, every point would be its own bin, the points would be the seeds, and -0.4
        // would move to 0: 1 iteration.
        MeanShiftResult result = meanShift.cluster(line(-0.4, 0.4, 5), 1);

        assertThat(result.centers()).isDeepEqualTo(new double[][] {{0}, {5}});
        assertThat(result.iterations()).isZero();
    }

    @Test
    void usesThePointsAsSeedsWhenEachHasABinOfItsOwn() {
        // bw 1: bins 0, 3, 6 for 3 points, so the points are the seeds; each ball holds one point.
        MeanShiftResult result = meanShift.cluster(line(0.1, 3, 6), 1);

        assertThat(result.centers()).isDeepEqualTo(new double[][] {{6}, {3}, {0.1}});
        assertThat(result.labels()).containsExactly(2, 1, 0);
    }

    @Test
    void clustersASinglePoint() {
        MeanShiftResult result = meanShift.cluster(line(42), 1);

        assertThat(result.centers()).isDeepEqualTo(new double[][] {{42}});
        assertThat(result.labels()).containsExactly(0);
    }

    @Test
    void stopsEachSeedAfterTheMaximumNumberOfMoves() {
        MeanShiftResult unlimited = meanShift.cluster(ReferenceData.sampleFeatures(), 264.18850251070194);
        MeanShiftResult oneMove = new MeanShift(0).cluster(ReferenceData.sampleFeatures(), 264.18850251070194);

        assertThat(unlimited.iterations()).isEqualTo(33);
        assertThat(oneMove.iterations()).isZero();
        assertThat(Arrays.deepEquals(oneMove.centers(), unlimited.centers())).isFalse();
    }

    @Test
    void assignsNewPointsToTheNearestCenterWithinTheBandwidth() {
        MeanShiftResult result = meanShift.cluster(line(0, 1, 2, 10, 11), 3);

        assertThat(result.assign(new double[] {-1.9})).isZero();
        assertThat(result.assign(new double[] {13.5})).isEqualTo(1);
        assertThat(result.assign(new double[] {5.75})).isEqualTo(MeanShiftResult.ORPHAN);
        assertThat(result.assign(new double[] {7.5})).isEqualTo(1);
    }

    @Test
    void refusesABandwidthOfZero() {
        assertThatThrownBy(() -> meanShift.cluster(line(1, 2, 3), 0))
                .isInstanceOf(ClusteringException.class)
                .hasMessage("bandwidth must be a positive finite number, was 0.0");
    }

    @Test
    void refusesABandwidthThatIsNotAFiniteNumber() {
        assertThatThrownBy(() -> meanShift.cluster(line(1, 2, 3), Double.NaN))
                .isInstanceOf(ClusteringException.class)
                .hasMessageContaining("was NaN");
        assertThatThrownBy(() -> meanShift.cluster(line(1, 2, 3), Double.POSITIVE_INFINITY))
                .isInstanceOf(ClusteringException.class)
                .hasMessageContaining("was Infinity");
    }

    @Test
    void refusesToClusterNoPoints() {
        assertThatThrownBy(() -> meanShift.cluster(new Points(new double[0], 8), 1))
                .isInstanceOf(ClusteringException.class)
                .hasMessage("no points to cluster");
    }

    @Test
    void refusesWhenNoPointLiesWithinTheBandwidthOfAnySeed() {
        // bw 1, 8 features: (0.45, ..., 0.45) and (0.4, ..., 0.4) both bin to the origin, which
        // becomes the only seed; they lie 0.45 * sqrt(8) = 1.27 and 0.4 * sqrt(8) = 1.13 from it.
        double[] points = new double[16];
        Arrays.fill(points, 0, 8, 0.45);
        Arrays.fill(points, 8, 16, 0.4);

        assertThatThrownBy(() -> meanShift.cluster(new Points(points, 8), 1))
                .isInstanceOf(ClusteringException.class)
                .hasMessageStartingWith("no point within bandwidth 1.0 of any seed");
    }

    @Test
    void refusesANegativeMaximumNumberOfMoves() {
        assertThatThrownBy(() -> new MeanShift(-1)).isInstanceOf(NotPositiveException.class);
    }

    @Test
    void refusesToAssignAPointOfAnotherDimensionOrWithANaNFeature() {
        MeanShiftResult result = meanShift.cluster(line(0, 1, 2, 10, 11), 3);

        assertThatThrownBy(() -> result.assign(new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("point has 2 features, the clusters 1");
        assertThatThrownBy(() -> result.assign(new double[] {Double.NaN}))
                .isInstanceOf(ClusteringException.class)
                .hasMessage("feature 0 is NaN: every feature must be a finite number");
    }

    private static Points line(double... values) {
        return new Points(values, 1);
    }
}
