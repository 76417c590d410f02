package io.energysensors.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SyntheticLoadsTests {

    @Test
    void generatesTheSameEventsForTheSameSeed() {
        Points first = SyntheticLoads.generate(1000, 3);
        Points again = SyntheticLoads.generate(1000, 3);
        Points other = SyntheticLoads.generate(1000, 4);

        for (int i = 0; i < first.size(); i++) {
            assertThat(again.point(i)).containsExactly(first.point(i));
        }
        assertThat(other.point(0)).isNotEqualTo(first.point(0));
    }

    @Test
    void generatesEventsShapedLikeTheSample() {
        Points loads = SyntheticLoads.generate(5000, 1);

        assertThat(loads.dimension()).isEqualTo(8);
        for (int i = 0; i < loads.size(); i++) {
            double watts = loads.coordinate(i, 0);
            assertThat(watts).isBetween(1.0, 3900.0);
            assertThat(loads.coordinate(i, 1)).isEqualTo(279);
            assertThat(loads.coordinate(i, 2)).isEqualTo(403);
            assertThat(loads.coordinate(i, 3)).isCloseTo(watts / 242 + 0.2, within(0.2));
            assertThat(loads.coordinate(i, 4)).isEqualTo(230.08);
            assertThat(loads.coordinate(i, 5)).isCloseTo(loads.coordinate(i, 3) + 0.5, within(2.5));
        }
    }

    @Test
    void formsClustersAtTheLoadStatesLikeTheSampleDoes() {
        MeanShiftResult result = MeanShift.clusterAsReference(SyntheticLoads.generate(20_000, 5));

        // the sample gives 5 clusters and 10% orphans; standby (80 W) merges into the fridge state
        assertThat(result.clusterCount()).isBetween(4, 7);
        assertThat(result.orphanCount()).isLessThan(result.size() / 5);
        assertThat(result.center(0)[0]).isBetween(150.0, 2000.0);
    }
}
