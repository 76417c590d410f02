package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;

import io.energysensors.format.event.EventLimits;
import org.junit.jupiter.api.Test;

class EventLimitPropertiesTests {

    @Test
    void givesTheLimitsItHolds() {
        EventLimitProperties properties = new EventLimitProperties(10, 40, Instant.EPOCH, Duration.ofHours(2));

        assertThat(properties.limits()).isEqualTo(new EventLimits(10, 40, Instant.EPOCH, Duration.ofHours(2)));
    }

    @Test
    void rejectsAnEmptyList() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EventLimitProperties(0, 40, Instant.EPOCH, Duration.ofDays(1)))
                .withMessageContaining("energy-sensors.ingest.event.max-list-elements");
    }

    @Test
    void rejectsALineLimitBelowTheListLimit() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EventLimitProperties(10, 9, Instant.EPOCH, Duration.ofDays(1)))
                .withMessageContaining("energy-sensors.ingest.event.max-elements");
    }

    @Test
    void rejectsANegativeTimeAhead() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EventLimitProperties(10, 40, Instant.EPOCH, Duration.ofDays(-1)))
                .withMessageContaining("energy-sensors.ingest.event.max-time-ahead");
    }
}
