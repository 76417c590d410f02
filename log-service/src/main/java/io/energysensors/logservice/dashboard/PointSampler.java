package io.energysensors.logservice.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.energysensors.format.event.Feature;
import io.energysensors.logservice.events.ClusterLabels;
import io.energysensors.logservice.events.CurrentLabels;
import io.energysensors.logservice.events.StoredEventCount;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Picks every k-th stored event by id, k the smallest step that keeps the sample within the limit:
 * the same store always gives the same sample, spread evenly over the ingestion history. The
 * label is the current clustering result's, null for events it does not cover.
 */
@Component
class PointSampler {

    private static final List<PointSample.Feature> FEATURES = Feature.ALL.stream()
            .map(feature -> new PointSample.Feature(feature.jsonName(), feature.title(), feature.unit()))
            .toList();
    private static final int DIMENSION = Feature.COUNT;

    // ROW_NUMBER is standard SQL that H2 and PostgreSQL both run; the database skips the rows,
    // so only the sample crosses the connection.
    private static final String SAMPLE = """
            SELECT %1$s, id FROM (
                SELECT id, %1$s, ROW_NUMBER() OVER (ORDER BY id) AS rn FROM sensor_event
            ) s
            WHERE MOD(s.rn - 1, ?) = 0
            ORDER BY s.id
            LIMIT ?""";

    private static final String SAMPLE_SQL =
            SAMPLE.formatted(Feature.ALL.stream().map(Feature::column).collect(Collectors.joining(", ")));

    private final JdbcTemplate jdbc;
    private final StoredEventCount storedEvents;
    private final CurrentLabels labels;

    PointSampler(JdbcTemplate jdbc, StoredEventCount storedEvents, CurrentLabels labels) {
        this.jdbc = jdbc;
        this.storedEvents = storedEvents;
        this.labels = labels;
    }

    /**
     * Reads the whole table, so {@link SampleCache} takes it once per clustering result. Events
     * stored while it runs may make the total run ahead of the rows; LIMIT keeps the bound.
     */
    PointSample sample(int limit) {
        long total = storedEvents.read();
        long step = Math.max(1, (total + limit - 1) / limit);
        List<Object[]> points = new ArrayList<>(Math.min(limit, (int) Math.min(total, Integer.MAX_VALUE)));
        ClusterLabels current = labels.current();
        jdbc.query(
                SAMPLE_SQL,
                row -> {
                    points.add(point(row, current));
                },
                step,
                limit);
        return new PointSample(FEATURES, points, total, step, limit, current.runId(), Instant.now());
    }

    private static Object[] point(ResultSet row, ClusterLabels current) throws SQLException {
        Object[] point = new Object[DIMENSION + 1];
        for (int i = 0; i < DIMENSION; i++) {
            double value = row.getDouble(i + 1);
            point[i] = row.wasNull() ? null : value;
        }
        point[DIMENSION] = current.labelOf(row.getLong(DIMENSION + 1));
        return point;
    }
}
