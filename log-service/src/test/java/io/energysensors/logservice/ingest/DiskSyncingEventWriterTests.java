package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The sync runs after the commit of the transaction that wrote: never before, never on rollback. */
class DiskSyncingEventWriterTests {

    private final List<String> steps = new ArrayList<>();
    private final TransactionTemplate transaction;

    DiskSyncingEventWriterTests() throws IOException {
        String url = "jdbc:h2:file:" + Files.createTempDirectory("log-service-sync-") + "/events";
        transaction = new TransactionTemplate(new JdbcTransactionManager(new DriverManagerDataSource(url, "sa", "")));
    }

    @Test
    void syncsOnceAfterTheCommit() {
        EventWriter writer = new DiskSyncingEventWriter(this::write, this::sync);

        transaction.executeWithoutResult(status -> {
            writer.write(List.of(), new long[0], Instant.EPOCH);
            steps.add("end of transaction");
        });

        assertThat(steps).containsExactly("write", "end of transaction", "sync");
    }

    @Test
    void doesNotSyncARollback() {
        EventWriter writer = new DiskSyncingEventWriter(this::write, this::sync);

        transaction.executeWithoutResult(status -> {
            writer.write(List.of(), new long[0], Instant.EPOCH);
            status.setRollbackOnly();
        });

        assertThat(steps).containsExactly("write");
    }

    @Test
    void failsTheCommitsCallerWhenTheSyncFails() {
        EventWriter writer = new DiskSyncingEventWriter(this::write, () -> {
            throw new IllegalStateException("disk gone");
        });

        assertThatThrownBy(() ->
                        transaction.executeWithoutResult(status -> writer.write(List.of(), new long[0], Instant.EPOCH)))
                .hasMessage("disk gone");
    }

    private void write(Object events, long[] ids, Instant receivedAt) {
        steps.add("write");
    }

    private void sync() {
        steps.add("sync");
    }
}
