package io.energysensors.logservice.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

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

    /** The clustering features, in the order of the clustering's vectors. */
    static final List<String> FEATURES = List.of(
            "active_power_w",
            "reactive_power_var",
            "apparent_power_va",
            "line_current_a",
            "line_voltage_v",
            "peak_0",
            "peak_1",
            "peak_2");

    // ROW_NUMBER is standard SQL that H2 and PostgreSQL both run; the database skips the rows,
    // so only the sample crosses the connection.
    private static final String SAMPLE = """
            SELECT %1$s, id FROM (
                SELECT id, %1$s, ROW_NUMBER() OVER (ORDER BY id) AS rn FROM sensor_event
            ) s
            WHERE MOD(s.rn - 1, ?) = 0
            ORDER BY s.id
            LIMIT ?""";

    private static final String SAMPLE_SQL = SAMPLE.formatted(String.join(", ", FEATURES));

    private final JdbcTemplate jdbc;
    private final StoredEventCount storedEvents;
    private final CurrentLabels labels;

    PointSampler(JdbcTemplate jdbc, StoredEventCount storedEvents, CurrentLabels labels) {
        this.jdbc = jdbc;
        this.storedEvents = storedEvents;
        this.labels = labels;
    }

    /** Events stored while it runs may make the total run ahead of the rows; LIMIT keeps the bound. */
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
        return new PointSample(FEATURES, points, total, step);
    }

    private static Object[] point(ResultSet row, ClusterLabels current) throws SQLException {
        Object[] point = new Object[FEATURES.size() + 1];
        for (int i = 0; i < FEATURES.size(); i++) {
            double value = row.getDouble(i + 1);
            point[i] = row.wasNull() ? null : value;
        }
        point[FEATURES.size()] = current.labelOf(row.getLong(FEATURES.size() + 1));
        return point;
    }
}
