package io.energysensors.logservice.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxOffset deepest GET /events?page= serves, as page × size: the database reads and skips
 *     that many rows; beyond it the answer is 400 and clients page on with {@code after=}. A
 *     filtered total is counted up to this many events, then given as "at least".
 */
@ConfigurationProperties("energy-sensors.events")
record EventsProperties(@DefaultValue("10000") int maxOffset) {

    EventsProperties {
        if (maxOffset < 0) {
            throw new IllegalArgumentException(
                    "energy-sensors.events.max-offset must not be negative, got " + maxOffset);
        }
    }
}
