package io.energysensors.logservice.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How validated batches wait for the commit that stores them ({@link GroupCommit}).
 *
 * @param maxWaiting requests that may wait for a commit at once; one more is answered 503 at once
 * @param maxWait    how long a request waits for its commit to start before it gives up with 503,
 *                   nothing stored
 * @param maxEvents  a commit stops taking waiting batches once it holds this many events; a batch
 *                   is never split, so one larger batch is still committed whole
 */
@ConfigurationProperties("energy-sensors.ingest.commit")
public record CommitProperties(
        @DefaultValue("1000") int maxWaiting,
        @DefaultValue("10s") Duration maxWait,
        @DefaultValue("20000") int maxEvents) {

    public CommitProperties {
        if (maxWaiting < 1) {
            throw new IllegalArgumentException(
                    "energy-sensors.ingest.commit.max-waiting must be at least 1, got " + maxWaiting);
        }
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException(
                    "energy-sensors.ingest.commit.max-wait must be positive, got " + maxWait);
        }
        if (maxEvents < 1) {
            throw new IllegalArgumentException(
                    "energy-sensors.ingest.commit.max-events must be at least 1, got " + maxEvents);
        }
    }
}
