package io.energysensors.logservice.clusters;

import java.util.ArrayList;
import java.util.List;

import io.energysensors.logservice.events.ClusterLabels;
import io.energysensors.logservice.events.CurrentLabels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The current result's labels held in memory, one immutable {@link ClusterLabels} swapped whole.
 * A run on this instance publishes its labels as it commits. Every read first asks the database
 * which run is current (one primary-key read of {@code clustering_state}) and loads that run's
 * labels (its {@code cluster_membership} rows) when they are not the ones held, so an instance sharing PostgreSQL with the one
 * that clustered serves the new labels from its first read after the commit, never stale ones.
 */
@Component
class LabelCache implements CurrentLabels {

    private static final Logger log = LoggerFactory.getLogger(LabelCache.class);

    /**
     * The current run and its rows in one statement, so a run committing in between cannot
     * pair one run's id with another's rows.
     */
    private static final String LOAD = """
            SELECT s.current_run_id, m.event_count, m.members
            FROM clustering_state s LEFT JOIN cluster_membership m ON m.run_id = s.current_run_id
            WHERE s.id = 1
            ORDER BY m.chunk""";

    private final JdbcTemplate jdbc;
    private final Object loading = new Object();
    private volatile ClusterLabels held;

    LabelCache(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ClusterLabels current() {
        Long stored = jdbc.queryForObject("SELECT current_run_id FROM clustering_state WHERE id = 1", Long.class);
        long runId = stored == null ? 0 : stored;
        ClusterLabels snapshot = held;
        if (snapshot != null && snapshot.runId() == runId) {
            return snapshot;
        }
        synchronized (loading) {
            snapshot = held;
            if (snapshot == null || snapshot.runId() != runId) {
                snapshot = load();
                held = snapshot;
            }
            return snapshot;
        }
    }

    /** Loads the current labels before the first request needs them. */
    @EventListener(ApplicationReadyEvent.class)
    void started() {
        try {
            ClusterLabels loaded = current();
            log.info("Labels of clustering run {} loaded: {} events", loaded.runId(), loaded.size());
        } catch (DataAccessException e) {
            log.warn("Could not load the current clustering labels, the first read will: {}", e.getMessage());
        }
    }

    /**
     * Holds the labels once the calling transaction, which stores them and makes their run
     * current, commits; a rollback leaves the labels held before.
     */
    void publishOnCommit(ClusterLabels labels) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                synchronized (loading) {
                    held = labels;
                }
            }
        });
    }

    private ClusterLabels load() {
        long[] runId = {0};
        List<byte[]> chunks = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        jdbc.query(LOAD, row -> {
            long current = row.getLong(1);
            runId[0] = row.wasNull() ? 0 : current;
            byte[] members = row.getBytes(3);
            if (members != null) {
                counts.add(row.getInt(2));
                chunks.add(members);
            }
        });
        int total = 0;
        for (int count : counts) {
            total = Math.addExact(total, count);
        }
        long[] ids = new long[total];
        int[] labels = new int[total];
        int offset = 0;
        for (int chunk = 0; chunk < chunks.size(); chunk++) {
            LabelCodec.decode(chunks.get(chunk), counts.get(chunk), ids, labels, offset);
            offset += counts.get(chunk);
        }
        return new ClusterLabels(runId[0], ids, labels);
    }
}
