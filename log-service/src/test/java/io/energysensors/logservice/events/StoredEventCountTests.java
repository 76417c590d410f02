package io.energysensors.logservice.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The count row against the rows it counts, over a real H2 file database and the migrations. */
class StoredEventCountTests {

    @TempDir
    Path dataDir;

    @Test
    void migrationCountsTheEventsStoredBeforeIt() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dataDir.resolve("events"));
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).target("3").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        for (long id = 1; id <= 3; id++) {
            jdbc.update("""
                    INSERT INTO sensor_event VALUES (?, 1, 1, 1, TIMESTAMP WITH TIME ZONE '2016-10-04 16:47:50Z',
                        FALSE, 1, 1, 1, 1, 1, 1, 50, X'', X'', X'', NULL, NULL, NULL, -60, 20,
                        TIMESTAMP WITH TIME ZONE '2026-11-28 12:00:00Z')""", id);
        }

        Flyway.configure().dataSource(h2).load().migrate();

        StoredEventCount count = new StoredEventCount(jdbc);
        assertThat(count.read()).isEqualTo(3);
        count.add(1000);
        assertThat(count.read()).isEqualTo(1003);
    }
}
