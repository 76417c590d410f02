package io.energysensors.logservice.ingest;

import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

import io.energysensors.format.event.SensorEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Writes events into {@code sensor_event} (its columns: {@link io.energysensors.logservice.events.EventTable})
 * within the caller's transaction, which commits them. One implementation per way of getting
 * many rows into a database fast, chosen once for the database at start-up.
 */
interface EventWriter {

    /**
     * @param ids one per event, in the same order
     * @param receivedAt stored with every one of them
     */
    void write(List<SensorEvent> events, long[] ids, Instant receivedAt);

    /** COPY on PostgreSQL; batched multi-row INSERTs anywhere else. */
    static EventWriter forDatabaseOf(DataSource dataSource) throws MetaDataAccessException {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return "PostgreSQL".equals(product) ? new PostgresCopyEventWriter(jdbc) : new JdbcBatchEventWriter(jdbc);
    }
}
