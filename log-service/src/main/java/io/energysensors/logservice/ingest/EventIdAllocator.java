package io.energysensors.logservice.ingest;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Hands out event ids from {@code sensor_event_id_seq}, which steps by {@link #BLOCK}: each
 * value {@code v} it returns reserves ids {@code v .. v + BLOCK - 1} for this process, so a
 * 1000-row batch costs at most two sequence round trips and single posts share blocks.
 */
@Component
class EventIdAllocator {

    /** Must equal the sequence's INCREMENT BY in the V1 migration. */
    private static final int BLOCK = 1000;

    private static final String SEQUENCE = "sensor_event_id_seq";

    private final DataFieldMaxValueIncrementer sequence;
    private long next;
    private long end;

    EventIdAllocator(DataSource dataSource) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        this.sequence = switch (product) {
            case "H2" -> new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
            case "PostgreSQL" -> new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE);
            default -> throw new IllegalStateException("events are stored in H2 or PostgreSQL, not in " + product);
        };
    }

    synchronized long[] allocate(int count) {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            if (next == end) {
                next = sequence.nextLongValue();
                end = next + BLOCK;
            }
            ids[i] = next++;
        }
        return ids;
    }
}
