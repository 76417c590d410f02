package io.energysensors.logservice.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.energysensors.format.event.SensorEvent;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One stored event as GET /events returns it: its id, when it was received, the event's fields
 * inline ({@link SensorEventJsonNames}), and its cluster; times are ISO-8601 UTC.
 *
 * @param cluster its label in the current clustering result (-1 for an orphan), or null when that
 *     result does not cover it: stored after it was computed, or not placeable (fewer than 3 peaks)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EventView(
        long id, Instant receivedAt, @JsonUnwrapped SensorEvent event, Integer cluster) {}
