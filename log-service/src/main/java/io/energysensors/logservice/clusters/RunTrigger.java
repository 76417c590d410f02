package io.energysensors.logservice.clusters;

import io.energysensors.logservice.events.StoredEventCount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Starts a run each time {@code every-events} more events are stored, counting in the database:
 * {@code clustering_trigger.last_count} is the stored count when the last such run started, so a
 * restart loses no count, and moving it by compare-and-set lets only one of several instances
 * that see the same count start the run.
 */
@Component
class RunTrigger {

    private static final Logger log = LoggerFactory.getLogger(RunTrigger.class);

    private final JdbcTemplate jdbc;
    private final StoredEventCount storedEvents;
    private final ClusteringRuns runs;
    private final long everyEvents;

    RunTrigger(JdbcTemplate jdbc, StoredEventCount storedEvents, ClusteringRuns runs, ClusteringProperties properties) {
        this.jdbc = jdbc;
        this.storedEvents = storedEvents;
        this.runs = runs;
        this.everyEvents = properties.everyEvents();
    }

    void runIfDue() {
        try {
            long stored = storedEvents.read();
            long last = jdbc.queryForObject("SELECT last_count FROM clustering_trigger WHERE id = 1", Long.class);
            if (stored - last < everyEvents) {
                return;
            }
            int moved = jdbc.update(
                    "UPDATE clustering_trigger SET last_count = ? WHERE id = 1 AND last_count = ?", stored, last);
            if (moved == 1) {
                runs.run(stored + " events stored, " + (stored - last) + " since the last count-triggered run");
            }
        } catch (DataAccessException e) {
            log.warn("Could not check whether a clustering run is due: {}", e.getMessage());
        }
    }
}
