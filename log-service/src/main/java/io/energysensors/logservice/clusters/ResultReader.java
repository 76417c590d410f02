package io.energysensors.logservice.clusters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.energysensors.logservice.events.Float64Array;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the stored result; computes nothing. The cluster rows are read in one statement and
 * name their run, so a read racing a replacement sees one result whole, never a mix.
 */
@Component
class ResultReader {

    private static final String RUN_COLUMNS = "id, started_at, finished_at, duration_ms, status, trigger_reason, "
            + "reason, scope, kind, events_clustered, events_covered, events_skipped, bandwidth, cluster_count";

    private static final String SELECT_CLUSTERS =
            "SELECT run_id, label, member_count, center, mean, std, min_value, max_value FROM cluster";

    private final JdbcTemplate jdbc;

    ResultReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored cluster row and the run that computed it. */
    record StoredCluster(long runId, ClusterRow row) {}

    /** The current result's clusters, orphans first; empty before any result. */
    List<StoredCluster> current() {
        return jdbc.query(SELECT_CLUSTERS + " ORDER BY label", ResultReader::storedCluster);
    }

    Optional<StoredCluster> cluster(int label) {
        return jdbc.query(SELECT_CLUSTERS + " WHERE label = ?", ResultReader::storedCluster, label).stream()
                .findFirst();
    }

    Optional<RunRecord> run(long id) {
        return jdbc
                .query("SELECT " + RUN_COLUMNS + " FROM clustering_run WHERE id = ?", ResultReader::runRecord, id)
                .stream()
                .findFirst();
    }

    /** The latest run that finished: a run in progress is invisible outside its transaction. */
    Optional<RunRecord> lastRun() {
        return jdbc
                .query(
                        "SELECT " + RUN_COLUMNS + " FROM clustering_run ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
                        ResultReader::runRecord)
                .stream()
                .findFirst();
    }

    private static StoredCluster storedCluster(ResultSet rs, int row) throws SQLException {
        byte[] center = rs.getBytes(4);
        return new StoredCluster(
                rs.getLong(1),
                new ClusterRow(
                        rs.getInt(2),
                        rs.getLong(3),
                        center == null ? null : Float64Array.decode(center),
                        Float64Array.decode(rs.getBytes(5)),
                        Float64Array.decode(rs.getBytes(6)),
                        Float64Array.decode(rs.getBytes(7)),
                        Float64Array.decode(rs.getBytes(8))));
    }

    private static RunRecord runRecord(ResultSet rs, int row) throws SQLException {
        return new RunRecord(
                rs.getLong(1),
                rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getObject(3, OffsetDateTime.class).toInstant(),
                rs.getLong(4),
                RunStatus.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getString(7),
                Scope.valueOf(rs.getString(8)),
                RunKind.valueOf(rs.getString(9)),
                nullableLong(rs, 10),
                nullableLong(rs, 11),
                nullableLong(rs, 12),
                nullableDouble(rs, 13),
                nullableInt(rs, 14));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
