package io.energysensors.logservice.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.energysensors.format.event.SensorEvent;

/**
 * One stored event as GET /events returns it: its id, when it was received, and the event's
 * fields inline; times are ISO-8601 UTC.
 */
record EventView(long id, Instant receivedAt, @JsonUnwrapped SensorEvent event) {
}
