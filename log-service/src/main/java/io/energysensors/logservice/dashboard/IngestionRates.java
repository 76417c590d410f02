package io.energysensors.logservice.dashboard;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.energysensors.logservice.dashboard.IngestionFigures.Minute;
import io.energysensors.logservice.events.StoredEventCount;
import io.energysensors.logservice.ingest.IngestRejections;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Events stored per minute, from their received_at, and the rejections counted by ingest/.
 * received_at has no index of its own (every index slows H2's inserts by about a third), so
 * the count scans the table: a few hundred milliseconds at a million events, once per poll.
 */
@Component
class IngestionRates {

    // EXTRACT(EPOCH ...) means seconds since 1970 on H2 and PostgreSQL alike.
    private static final String PER_MINUTE = """
            SELECT FLOOR(EXTRACT(EPOCH FROM received_at) / 60) AS bucket, COUNT(*) AS stored
            FROM sensor_event
            WHERE received_at >= ?
            GROUP BY FLOOR(EXTRACT(EPOCH FROM received_at) / 60)""";

    private final JdbcTemplate jdbc;
    private final StoredEventCount storedEvents;
    private final IngestRejections rejections;

    IngestionRates(JdbcTemplate jdbc, StoredEventCount storedEvents, IngestRejections rejections) {
        this.jdbc = jdbc;
        this.storedEvents = storedEvents;
        this.rejections = rejections;
    }

    IngestionFigures lastMinutes(int minutes, Instant now) {
        Instant first = now.truncatedTo(ChronoUnit.MINUTES).minus(minutes - 1L, ChronoUnit.MINUTES);
        Map<Long, Long> counts = new HashMap<>();
        jdbc.query(
                PER_MINUTE,
                row -> {
                    counts.put(row.getLong("bucket"), row.getLong("stored"));
                },
                OffsetDateTime.ofInstant(first, ZoneOffset.UTC));
        List<Minute> perMinute = new ArrayList<>(minutes);
        for (int i = 0; i < minutes; i++) {
            Instant start = first.plus(i, ChronoUnit.MINUTES);
            perMinute.add(new Minute(start, counts.getOrDefault(start.getEpochSecond() / 60, 0L)));
        }
        long stored = storedEvents.read();
        return new IngestionFigures(stored, perMinute, rejections.snapshot());
    }
}
