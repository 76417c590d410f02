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

        int reads = new ReadProperties(0, WAIT).maxConcurrent();

        assertThat(reads).isPositive();
        assertThat(reads * 2).isLessThanOrEqualTo(Math.max(2, cores));
    }

    @Test
    void aConfiguredMaxConcurrentIsKeptAndMustNotBeNegative() {
        assertThat(new ReadProperties(6, WAIT).maxConcurrent()).isEqualTo(6);
        assertThatIllegalArgumentException().isThrownBy(() -> new ReadProperties(-1, WAIT));
    }
}
