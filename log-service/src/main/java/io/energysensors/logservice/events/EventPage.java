package io.energysensors.logservice.events;

import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One page of GET /events, newest first.
 *
 * @param totalElements events matching the filters: exact when {@code totalExact}, else a lower
 *     bound (a filtered count stops at energy-sensors.events.max-offset)
 * @param nextAfter the {@code after=} that gives the next page; null on the last page
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EventPage(
        List<EventView> events,
        int page,
        int size,
        long totalElements,
        int totalPages,
        boolean totalExact,
        Long nextAfter) {}
