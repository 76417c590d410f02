package io.energysensors.logservice.reads;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxConcurrent most read requests (GET /events, /dashboard/..., /clusters/...) served at
 *     once; 0 (the default) is half the cores, at least one, as a read in progress takes a core from the
 *     writers; with one connection each, it must stay below the pool size by what storing (one
 *     connection: commits take turns) and clustering (two) need
 * @param maxWait how long a read waits for its turn before it is answered 503 with Retry-After;
 *     twice the longest a turn rests after one read (see {@code shareWhileStoring})
 * @param maxWaiting most reads waiting for a turn at once; more get 503 at once, so that waiting
 *     readers never hold the request threads that stores need
 * @param shareWhileStoring the share of its time a turn may serve reads while events are being
 *     stored: a read that took d is followed by a rest of {@code (1/share - 1) × d}, at most half
 *     of max-wait. A turn busy all the time takes a whole core: on 2 cores, stores beside 8
 *     hammering readers kept 0.61 of their rate alone with no rest (share 1), 0.81 with 0.4 and
 *     1.05 with 0.2 (benchmarks/readers.sh, 2026-12-06). 1 turns the rest off.
 */
@ConfigurationProperties("energy-sensors.reads")
record ReadProperties(
        @DefaultValue("0") int maxConcurrent,
        @DefaultValue("5s") Duration maxWait,
        @DefaultValue("32") int maxWaiting,
        @DefaultValue("0.25") double shareWhileStoring) {

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
        if (maxWaiting < 0) {
            throw new IllegalArgumentException(
                    "energy-sensors.reads.max-waiting must not be negative, got " + maxWaiting);
        }
        if (!(shareWhileStoring > 0 && shareWhileStoring <= 1)) {
            throw new IllegalArgumentException(
                    "energy-sensors.reads.share-while-storing must be above 0 and at most 1, got " + shareWhileStoring);
        }
    }
}
