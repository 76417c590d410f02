package io.energysensors.logservice.events;

import java.util.List;

/** One page of GET /events, newest first. */
public record EventPage(List<EventView> events, int page, int size, long totalElements, int totalPages) {}
