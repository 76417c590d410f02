package io.energysensors.logservice.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a delivery's key ({@link DeliveryKeys}) makes a repeat recognisable.
 *
 * @param keepFor a repeat within this time after the first delivery is answered and not stored;
 *     a key is deleted within {@code cleanup-interval} after it expires, and recognised until then
 * @param cleanupInterval how often expired keys are deleted
 */
@ConfigurationProperties("energy-sensors.ingest.dedup")
public record DedupProperties(
        @DefaultValue("24h") Duration keepFor,
        @DefaultValue("1m") Duration cleanupInterval) {

    public DedupProperties {
        if (keepFor.isNegative() || keepFor.isZero()) {
            throw new IllegalArgumentException("energy-sensors.ingest.dedup.keep-for must be positive, got " + keepFor);
        }
        if (cleanupInterval.isNegative() || cleanupInterval.isZero()) {
            throw new IllegalArgumentException(
                    "energy-sensors.ingest.dedup.cleanup-interval must be positive, got " + cleanupInterval);
        }
    }
}
