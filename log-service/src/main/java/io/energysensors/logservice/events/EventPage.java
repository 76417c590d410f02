package io.energysensors.logservice.events;

import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One page of GET /events, newest first. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EventPage(List<EventView> events, int page, int size, long totalElements, int totalPages) {}
