package io.energysensors.logservice.ingest;

import java.time.Instant;
import java.util.List;

import io.energysensors.format.event.SensorEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * H2 writes each commit to its file ({@code WRITE_DELAY=0}) but leaves it in the operating
 * system's cache, which a power loss empties. This writer has the file forced to the disk once
 * the transaction that wrote the events has committed, before anyone is told it did; a sync that
 * fails fails the commit's requests. A group commit writes once, so one sync serves all its requests.
 */
final class DiskSyncingEventWriter implements EventWriter {

    private final EventWriter writer;
    private final Runnable sync;

    /** @param sync what forces the committed events to the disk */
    DiskSyncingEventWriter(EventWriter writer, Runnable sync) {
        this.writer = writer;
        this.sync = sync;
    }

    /** Syncs H2's file with {@code CHECKPOINT SYNC}. */
    static DiskSyncingEventWriter h2(EventWriter writer, JdbcTemplate jdbc) {
        return new DiskSyncingEventWriter(writer, () -> jdbc.execute("CHECKPOINT SYNC"));
    }

    @Override
    public void write(List<SensorEvent> events, long[] ids, Instant receivedAt) {
        writer.write(events, ids, receivedAt);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sync.run();
            }
        });
    }
}
