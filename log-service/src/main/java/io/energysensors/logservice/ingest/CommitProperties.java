package io.energysensors.logservice.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How validated batches wait for the commit that stores them ({@link GroupCommit}).
 *
 * @param maxWaiting requests that may wait for a commit at once; one more is answered 503 at once
 * @param maxWait    how long a request waits for its commit to start before it gives up with 503,
 *                   nothing stored
 * @param maxEvents  a commit stops taking waiting batches once it holds this many events; a batch
 *                   is never split, so one larger batch is still committed whole
 * @param maxBytes   likewise for the events' size as stored ({@link GroupCommit#bytesOf}), so that
 *                   events with long lists do not make a group of gigabytes; at most 1 GB, which
 *                   keeps every size computed for a group (a COPY stream's, say) far inside an int
 */
@ConfigurationProperties("energy-sensors.ingest.commit")
public record CommitProperties(
        @DefaultValue("1000") int maxWaiting,
        @DefaultValue("10s") Duration maxWait,
        @DefaultValue("20000") int maxEvents,
        @DefaultValue("16MB") DataSize maxBytes) {

    private static final long MAX_MAX_BYTES = DataSize.ofGigabytes(1).toBytes();

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
        if (maxBytes.toBytes() < 1 || maxBytes.toBytes() > MAX_MAX_BYTES) {
            throw new IllegalArgumentException(
                    "energy-sensors.ingest.commit.max-bytes must be between 1 byte and 1GB, got " + maxBytes);
        }
    }
}
