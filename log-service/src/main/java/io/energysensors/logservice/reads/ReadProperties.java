package io.energysensors.logservice.reads;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxConcurrent most read requests (GET /events, /dashboard/..., /clusters/...) served at
 *     once; 0 (the default) is half the cores, at least one, as a read in progress takes a core from the
 *     writers (benchmarks/readers.sh on 2 cores: stores kept 0.27 of their rate with 4, 0.61 with
 *     1); with one connection each, it must stay below the pool size by what storing (one
 *     connection: commits take turns) and clustering (two) need
 * @param maxWait how long a read waits for its turn before it is answered 503 with Retry-After
 */
@ConfigurationProperties("energy-sensors.reads")
record ReadProperties(
        @DefaultValue("0") int maxConcurrent,
        @DefaultValue("1s") Duration maxWait) {

    ReadProperties {
        if (maxConcurrent < 0) {
            throw new IllegalArgumentException(
                    "energy-sensors.reads.max-concurrent must be 0 (half the cores) or more, got " + maxConcurrent);
        }
        if (maxConcurrent == 0) {
            maxConcurrent = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("energy-sensors.reads.max-wait must not be negative, got " + maxWait);
        }
    }
}
