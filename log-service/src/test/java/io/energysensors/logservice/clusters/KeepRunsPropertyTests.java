package io.energysensors.logservice.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class KeepRunsPropertyTests {

    @Test
    void keepsAtLeastOneRun() {
        assertThat(new ClusteringProperties(1000, Scope.ALL, 100_000, 0, 1e9, 0.25, 1, 0.05, 10).keepRuns())
                .isEqualTo(1);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ClusteringProperties(1000, Scope.ALL, 100_000, 0, 1e9, 0.25, 0, 0.05, 10))
                .withMessage("energy-sensors.clustering.keep-runs must be at least 1, got 0");
    }
}
