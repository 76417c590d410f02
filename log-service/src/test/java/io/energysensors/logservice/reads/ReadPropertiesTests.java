package io.energysensors.logservice.reads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ReadPropertiesTests {

    private static final Duration WAIT = Duration.ofSeconds(1);

    @Test
    void defaultMaxConcurrentLeavesAtLeastHalfTheCoresToTheWriters() {
        int cores = Runtime.getRuntime().availableProcessors();

        int reads = new ReadProperties(0, WAIT, 32, 0.2).maxConcurrent();

        assertThat(reads).isPositive();
        assertThat(reads * 2).isLessThanOrEqualTo(Math.max(2, cores));
    }

    @Test
    void aConfiguredMaxConcurrentIsKeptAndMustNotBeNegative() {
        assertThat(new ReadProperties(6, WAIT, 32, 0.2).maxConcurrent()).isEqualTo(6);
        assertThatIllegalArgumentException().isThrownBy(() -> new ReadProperties(-1, WAIT, 32, 0.2));
    }

    @Test
    void theShareWhileStoringIsAboveZeroAndAtMostOne() {
        assertThat(new ReadProperties(1, WAIT, 32, 1).shareWhileStoring()).isEqualTo(1);
        for (double share : new double[] {0, -0.5, 1.01, Double.NaN}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new ReadProperties(1, WAIT, 32, share))
                    .withMessageContaining("share-while-storing");
        }
    }

    @Test
    void waitsMustNotBeNegative() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReadProperties(1, WAIT, -1, 0.2))
                .withMessageContaining("max-waiting");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReadProperties(1, Duration.ofMillis(-1), 32, 0.2))
                .withMessageContaining("max-wait");
    }
}
