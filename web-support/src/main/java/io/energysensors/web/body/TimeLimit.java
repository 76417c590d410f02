package io.energysensors.web.body;

import java.time.Duration;

/**
 * How long a client may take to send a request body, and the setting that configures it, which a
 * 408 names so that whoever reads it knows what to raise.
 *
 * @param duration the longest time from the first read of the body to its end
 * @param setting the property that sets the limit, such as {@code energy-sensors.ingest.upload-deadline}
 */
public record TimeLimit(Duration duration, String setting) {

    public TimeLimit {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(setting + " must be positive, got " + duration);
        }
    }
}
