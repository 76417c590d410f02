package io.energysensors.logservice.ingest;

import java.util.List;
import javax.sql.DataSource;

import io.energysensors.logservice.StoredEvents;
import io.energysensors.logservice.events.StoredEventCount;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores lines as POST /log/store does once they are read (ids, rows and count in one
 * transaction), for tests of what comes after storing that need no HTTP and no application.
 */
public final class StoredWithoutHttp {

    private final EventAppender store;
    private final TransactionTemplate transaction;

    public StoredWithoutHttp(DataSource dataSource) throws MetaDataAccessException {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        this.store = new EventAppender(
                EventWriter.forDatabaseOf(dataSource),
                new EventIdAllocator(dataSource),
                new StoredEventCount(jdbc),
                stored -> {});
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Stores every line, in order, in one commit. */
    public void store(List<String> lines) {
        transaction.executeWithoutResult(status ->
                store.append(lines.stream().map(StoredEvents::expected).toList()));
    }
}
