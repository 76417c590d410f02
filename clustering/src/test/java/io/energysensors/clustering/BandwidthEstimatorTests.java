package io.energysensors.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.apache.commons.math3.exception.NotStrictlyPositiveException;
import org.apache.commons.math3.exception.OutOfRangeException;
import org.junit.jupiter.api.Test;

class BandwidthEstimatorTests {

    @Test
    void averagesTheDistanceToTheKthNeighbourCountingThePointItself() {
        // 0, 1, ..., 9, every point, quantile 0.2: k = 2. Each point's nearest is itself (0),
        // its 2nd nearest 1 away: bandwidth 1.
        assertThat(new BandwidthEstimator(0.2).estimate(line(10))).isEqualTo(1.0);
    }

    @Test
    void averagesInNumpyOrder() {
        // 0 .. 9, quantile 0.3: k = 3. The 3rd neighbour is 2 away for the ends 0 and 9, 1 away
        // for the others: distances 2, 1, 1, 1, 1, 1, 1, 1, 1, 2. Eight accumulators take the
        // first eight, ((2 + 1) + (1 + 1)) + ((1 + 1) + (1 + 1)) = 9, then 1 and 2 are added: 12.
        assertThat(new BandwidthEstimator(0.3).estimate(line(10))).isEqualTo(1.2);
    }

    @Test
    void samplesThePointsNumpysPermutationPicks() {
        BandwidthEstimator estimator = new BandwidthEstimator(0.2, 3, 0);

        // numpy: RandomState(0).permutation(10)[:3] = [2, 8, 4]
        assertThat(estimator.sampleIndices(10)).containsExactly(2, 8, 4);
    }

    @Test
    void samplesEveryPointPermutedWhenThereAreNoMoreThanTheSampleSize() {
        // numpy: RandomState(0).permutation(5) = [2, 0, 1, 3, 4]
        assertThat(BandwidthEstimator.reference().sampleIndices(5)).containsExactly(2, 0, 1, 3, 4);
    }

    @Test
    void takesEveryPointInOrderWithoutASampleSize() {
        assertThat(new BandwidthEstimator(0.2).sampleIndices(4)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void refusesFewerThanTenPointsAtQuantilePointTwo() {
        assertThatThrownBy(() -> BandwidthEstimator.reference().estimate(line(9)))
                .isInstanceOf(ClusteringException.class)
                .hasMessage("estimated bandwidth is 0: too few points (9) for quantile 0.2: the"
                        + " neighbour measured is the nearest, each point itself; Mean Shift needs"
                        + " more distinct points");
    }

    @Test
    void refusesASinglePointWhenClusteringAsTheReferenceDid() {
        assertThatThrownBy(() -> MeanShift.clusterAsReference(new Points(new double[] {1, 2, 3}, 3)))
                .isInstanceOf(ClusteringException.class)
                .hasMessageStartingWith("estimated bandwidth is 0: too few points (1) for quantile 0.2");
    }

    @Test
    void refusesASingleIdenticalPointRepeated() {
        double[] same = new double[500 * 3];
        Arrays.fill(same, 7.5);

        assertThatThrownBy(() -> BandwidthEstimator.reference().estimate(new Points(same, 3)))
                .isInstanceOf(ClusteringException.class)
                .hasMessage("estimated bandwidth is 0: each of the 200 sampled points has at least"
                        + " 39 exact duplicates in the sample; Mean Shift needs more distinct points");
    }

    @Test
    void refusesNoPoints() {
        assertThatThrownBy(() -> BandwidthEstimator.reference().estimate(new Points(new double[0], 8)))
                .isInstanceOf(ClusteringException.class)
                .hasMessage("no points to estimate a bandwidth from");
    }

    @Test
    void refusesSettingsOutsideTheirRange() {
        assertThatThrownBy(() -> new BandwidthEstimator(1.5)).isInstanceOf(OutOfRangeException.class);
        assertThatThrownBy(() -> new BandwidthEstimator(Double.NaN, 200, 0)).isInstanceOf(OutOfRangeException.class);
        assertThatThrownBy(() -> new BandwidthEstimator(0.2, 0, 0)).isInstanceOf(NotStrictlyPositiveException.class);
        assertThatThrownBy(() -> new BandwidthEstimator(0.2, 200, -1)).isInstanceOf(OutOfRangeException.class);
    }

    private static Points line(int count) {
        return new Points(IntStream.range(0, count).asDoubleStream().toArray(), 1);
    }
}
