package io.energysensors.logservice.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * GET /dashboard/ingestion.
 *
 * @param eventsStored events in the store now
 * @param perMinute events stored in each of the last minutes, oldest first, the current minute last
 * @param rejected what POST /log/store refused since the service started, by reason
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record IngestionFigures(long eventsStored, List<Minute> perMinute, Map<String, Long> rejected) {

    /** @param start the first instant of the minute (UTC) */
    record Minute(Instant start, long events) {}
}
