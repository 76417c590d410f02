package io.energysensors.logservice.ingest;

import java.time.Duration;
import java.time.Instant;

import io.energysensors.format.event.EventLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one stored event may hold and when it may have been measured ({@link EventLimits});
 * a line beyond them rejects its batch with 400 naming the line and the field.
 *
 * @param maxListElements most values of {@code Peaks}, {@code FFT Re} or {@code FFT Img}
 * @param maxElements most values of one line, every section counted
 * @param earliestTime the earliest {@code UTC Time} accepted
 * @param maxTimeAhead how far past the service's clock a {@code UTC Time} may lie
 */
@ConfigurationProperties("energy-sensors.ingest.event")
public record EventLimitProperties(
        @DefaultValue("1000") int maxListElements,
        @DefaultValue("4000") int maxElements,
        @DefaultValue("1970-01-01T00:00:00Z") Instant earliestTime,
        @DefaultValue("1d") Duration maxTimeAhead) {

    public EventLimitProperties {
        if (maxListElements < 1) {
            throw new IllegalArgumentException(
                    "energy-sensors.ingest.event.max-list-elements must be at least 1, got " + maxListElements);
        }
        if (maxElements < maxListElements) {
            throw new IllegalArgumentException("energy-sensors.ingest.event.max-elements must be at least "
                    + "max-list-elements (" + maxListElements + "), got " + maxElements);
        }
        if (maxTimeAhead.isNegative()) {
            throw new IllegalArgumentException(
                    "energy-sensors.ingest.event.max-time-ahead must not be negative, got " + maxTimeAhead);
        }
    }

    EventLimits limits() {
        return new EventLimits(maxListElements, maxElements, earliestTime, maxTimeAhead);
    }
}
