package io.energysensors.logservice.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rest after a run is (1/share - 1) times its duration, on a clock the test holds. */
class CpuBudgetTests {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aQuarterOfACoreRestsThreeTimesAsLongAsTheRunTook() {
        HeldClock clock = new HeldClock(START);
        CpuBudget budget = new CpuBudget(0.25, clock);
        assertThat(budget.resting()).as("before any run").isFalse();

        budget.ran(Duration.ofMillis(400));

        assertThat(budget.restUntil()).isEqualTo(START.plusMillis(1200));
        assertThat(budget.resting()).isTrue();
        clock.advance(Duration.ofMillis(1199));
        assertThat(budget.resting()).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(budget.resting()).isFalse();
    }

    @Test
    void aWholeCoreNeverRests() {
        HeldClock clock = new HeldClock(START);
        CpuBudget budget = new CpuBudget(1, clock);

        budget.ran(Duration.ofSeconds(30));

        assertThat(budget.resting()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.25, 1.01, Double.NaN})
    void theShareMustBeMoreThanNothingAndAtMostOneCore(double share) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ClusteringProperties(1000, Scope.ALL, 100_000, 0, 1e9, share, 10, 0.05, 10))
                .withMessageContaining("energy-sensors.clustering.cpu-share");
    }
}
