package io.energysensors.logservice.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * GET /dashboard/ingestion.
 *
 * @param eventsStored events in the store now
 * @param perMinute events stored in each of the last minutes, oldest first, the current minute last
 * @param rejected what POST /log/store refused since the service started, by reason
 */
record IngestionFigures(long eventsStored, List<Minute> perMinute, Map<String, Long> rejected) {

    /** @param start the first instant of the minute (UTC) */
    record Minute(Instant start, long events) {}
}
