package io.energysensors.logservice.events;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many events are stored, read from one row that the storing transaction updates: exact, and
 * as cheap at a billion events as at none. Concurrent stores serialise on that row only for the
 * moment between their update and their commit.
 */
@Component
public class StoredEventCount {

    private final JdbcTemplate jdbc;

    public StoredEventCount(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long read() {
        return jdbc.queryForObject("SELECT stored FROM sensor_event_count WHERE id = 1", Long.class);
    }

    /** Within the transaction that stores the events, so the count commits or rolls back with them. */
    public void add(int stored) {
        jdbc.update("UPDATE sensor_event_count SET stored = stored + ? WHERE id = 1", stored);
    }
}
