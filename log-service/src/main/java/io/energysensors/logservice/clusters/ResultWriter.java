package io.energysensors.logservice.clusters;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.energysensors.logservice.events.Float64Array;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Writes runs and replaces the current result with plain JDBC. Callers hold one transaction
 * around a replacement, so readers see the old result or the new one, never a mix.
 */
@Component
class ResultWriter {

    /**
     * Events per stored row of labels: about 2 MB at the usual 2 bytes per event, 15 MB at most,
     * well within a binary column of either database, and few rows even at 100M events.
     */
    static final int EVENTS_PER_CHUNK = 1 << 20;

    private final JdbcTemplate jdbc;

    ResultWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a run and returns its id. */
    long insertRun(RunRecord run) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO clustering_run (started_at, finished_at, duration_ms, status, trigger_reason, reason,
                        scope, kind, events_clustered, events_covered, events_skipped, bandwidth, cluster_count)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
                    bindRun(statement, run);
                    return statement;
                },
                key);
        return key.getKeyAs(Number.class).longValue();
    }

    void updateRun(RunRecord run) {
        jdbc.update("""
                UPDATE clustering_run SET started_at = ?, finished_at = ?, duration_ms = ?, status = ?,
                    trigger_reason = ?, reason = ?, scope = ?, kind = ?, events_clustered = ?, events_covered = ?,
                    events_skipped = ?, bandwidth = ?, cluster_count = ?
                WHERE id = ?""", statement -> {
            bindRun(statement, run);
            statement.setLong(14, run.id());
        });
    }

    void clearResult() {
        jdbc.update("DELETE FROM cluster_membership");
        clearClusters();
    }

    void clearClusters() {
        jdbc.update("DELETE FROM cluster");
    }

    /**
     * Hands the labels stored for run {@code from} to run {@code to}, for an assignment that keeps
     * them and adds the new events' labels after them.
     *
     * @return the chunk number the new events' labels take
     */
    int carryOverLabels(long from, long to) {
        jdbc.update("UPDATE cluster_membership SET run_id = ? WHERE run_id = ?", to, from);
        return jdbc.queryForObject(
                "SELECT COALESCE(MAX(chunk) + 1, 0) FROM cluster_membership WHERE run_id = ?", Integer.class, to);
    }

    /** Stores label {@code labels[i]} of event {@code ids[i]}, ids ascending, in one batch of one INSERT. */
    void insertLabels(long runId, long[] ids, int[] labels) {
        insertLabels(runId, 0, ids, labels, EVENTS_PER_CHUNK);
    }

    /** As {@link #insertLabels(long, long[], int[])}, numbering the rows from {@code firstChunk}. */
    void insertLabels(long runId, int firstChunk, long[] ids, int[] labels) {
        insertLabels(runId, firstChunk, ids, labels, EVENTS_PER_CHUNK);
    }

    /** @param eventsPerChunk events per row; fewer than {@link #EVENTS_PER_CHUNK} make many rows of few events */
    void insertLabels(long runId, long[] ids, int[] labels, int eventsPerChunk) {
        insertLabels(runId, 0, ids, labels, eventsPerChunk);
    }

    private void insertLabels(long runId, int firstChunk, long[] ids, int[] labels, int eventsPerChunk) {
        List<Chunk> chunks = new ArrayList<>();
        for (int from = 0; from < ids.length; from += eventsPerChunk) {
            int to = Math.min(ids.length, from + eventsPerChunk);
            chunks.add(new Chunk(firstChunk + chunks.size(), to - from, LabelCodec.encode(ids, labels, from, to)));
        }
        jdbc.batchUpdate(
                "INSERT INTO cluster_membership (run_id, chunk, event_count, members) VALUES (?, ?, ?, ?)",
                chunks,
                chunks.size(),
                (statement, chunk) -> {
                    statement.setLong(1, runId);
                    statement.setInt(2, chunk.index());
                    statement.setInt(3, chunk.count());
                    statement.setBytes(4, chunk.members());
                });
    }

    void insertClusters(long runId, List<ClusterRow> clusters) {
        jdbc.batchUpdate("""
                INSERT INTO cluster (label, run_id, member_count, center, mean, std, min_value, max_value)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", clusters, clusters.size(), (statement, cluster) -> {
            statement.setInt(1, cluster.label());
            statement.setLong(2, runId);
            statement.setLong(3, cluster.count());
            if (cluster.center() == null) {
                statement.setNull(4, Types.BINARY);
            } else {
                statement.setBytes(4, Float64Array.encode(cluster.center()));
            }
            statement.setBytes(5, Float64Array.encode(cluster.mean()));
            statement.setBytes(6, Float64Array.encode(cluster.std()));
            statement.setBytes(7, Float64Array.encode(cluster.min()));
            statement.setBytes(8, Float64Array.encode(cluster.max()));
        });
    }

    /**
     * Deletes every run older than the {@code keep} latest, except the one whose result is current.
     * Only that run has memberships and clusters ({@link #clearResult}), so no other rows go with them.
     */
    void deleteRunsBeyond(int keep) {
        jdbc.update("""
                DELETE FROM clustering_run
                WHERE id < (SELECT id FROM clustering_run ORDER BY id DESC OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY)
                    AND id <> COALESCE((SELECT current_run_id FROM clustering_state WHERE id = 1), -1)""", keep - 1);
    }

    void makeCurrent(long runId) {
        jdbc.update("UPDATE clustering_state SET current_run_id = ? WHERE id = 1", runId);
    }

    private record Chunk(int index, int count, byte[] members) {}

    private static void bindRun(PreparedStatement statement, RunRecord run) throws SQLException {
        statement.setObject(1, run.startedAt().atOffset(ZoneOffset.UTC));
        statement.setObject(2, run.finishedAt().atOffset(ZoneOffset.UTC));
        statement.setLong(3, run.durationMs());
        statement.setString(4, run.status().name());
        statement.setString(5, run.trigger());
        statement.setString(6, run.reason());
        statement.setString(7, run.scope().name());
        statement.setString(8, run.kind().name());
        setNullable(statement, 9, run.eventsClustered(), Types.BIGINT);
        setNullable(statement, 10, run.eventsCovered(), Types.BIGINT);
        setNullable(statement, 11, run.eventsSkipped(), Types.BIGINT);
        setNullable(statement, 12, run.bandwidth(), Types.DOUBLE);
        setNullable(statement, 13, run.clusterCount(), Types.INTEGER);
    }

    private static void setNullable(PreparedStatement statement, int index, Object value, int type)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, type);
        } else {
            statement.setObject(index, value, type);
        }
    }
}
