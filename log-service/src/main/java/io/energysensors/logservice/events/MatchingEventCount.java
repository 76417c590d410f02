package io.energysensors.logservice.events;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many events match the filters of GET /events, at a bounded cost: the whole store's count
 * is the one row {@link StoredEventCount} keeps; a filtered count stops after {@code cap} rows
 * (the indexes on device and time find them), beyond which the answer is "at least cap".
 */
@Component
class MatchingEventCount {

    private final JdbcTemplate jdbc;
    private final StoredEventCount storedEvents;

    MatchingEventCount(JdbcTemplate jdbc, StoredEventCount storedEvents) {
        this.jdbc = jdbc;
        this.storedEvents = storedEvents;
    }

    /** @param total exact, or a lower bound when {@code exact} is false */
    record Total(long total, boolean exact) {}

    Total count(EventFilter filter, int cap) {
        if (filter.isEmpty()) {
            return new Total(storedEvents.read(), true);
        }
        List<Object> arguments = new ArrayList<>(filter.sqlArguments());
        arguments.add(cap + 1);
        long found = jdbc.queryForObject(
                "SELECT COUNT(*) FROM (SELECT 1 FROM sensor_event WHERE " + filter.sqlCondition()
                        + " LIMIT ?) matching",
                Long.class,
                arguments.toArray());
        return found > cap ? new Total(cap, false) : new Total(found, true);
    }
}
