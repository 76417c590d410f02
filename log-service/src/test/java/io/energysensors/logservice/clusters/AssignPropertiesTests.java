package io.energysensors.logservice.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class AssignPropertiesTests {

    @Test
    void assignsBelowAFractionFromZeroToBelowOne() {
        assertThat(properties(0, 10).assignBelow()).isZero();
        assertThat(properties(0.99, 10).assignBelow()).isEqualTo(0.99);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(1, 10))
                .withMessage("energy-sensors.clustering.assign-below must be at least 0 and below 1, got 1.0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(-0.1, 10))
                .withMessage("energy-sensors.clustering.assign-below must be at least 0 and below 1, got -0.1");
    }

    @Test
    void makesAFullRunAtLeastEveryRun() {
        assertThat(properties(0.05, 1).fullRunEvery()).isEqualTo(1);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(0.05, 0))
                .withMessage("energy-sensors.clustering.full-run-every must be at least 1, got 0");
    }

    private static ClusteringProperties properties(double assignBelow, int fullRunEvery) {
        return new ClusteringProperties(1000, Scope.ALL, 100_000, 0, 1e9, 0.25, 10, assignBelow, fullRunEvery);
    }
}
