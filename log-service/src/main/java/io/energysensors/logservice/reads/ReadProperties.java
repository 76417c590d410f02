package io.energysensors.logservice.reads;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxConcurrent most read requests (GET /events, /dashboard/..., /clusters/...) served at
 *     once; with one connection each, it must stay below the pool size by what storing (one
 *     connection: commits take turns) and clustering (two) need
 * @param maxWait how long a read waits for its turn before it is answered 503 with Retry-After
 */
@ConfigurationProperties("energy-sensors.reads")
record ReadProperties(
        @DefaultValue("4") int maxConcurrent,
        @DefaultValue("1s") Duration maxWait) {

    ReadProperties {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException(
                    "energy-sensors.reads.max-concurrent must be at least 1, got " + maxConcurrent);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("energy-sensors.reads.max-wait must not be negative, got " + maxWait);
        }
    }
}
