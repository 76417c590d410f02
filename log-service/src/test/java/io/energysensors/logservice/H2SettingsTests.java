package io.energysensors.logservice;

import static org.assertj.core.api.Assertions.assertThat;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the service's H2 URL sets, read back from the sessions of its connection pool. */
class H2SettingsTests extends OnH2 {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void queriesHandOverRowsAsTheyAreReadNotAfterCopyingTheWholeResult() {
        // Otherwise H2 copies a result of more than 40,000 rows per GB of heap into a temporary file before
        // returning its first row: a clustering run's million rows, all of them, every run.
        boolean lazy = jdbc.execute((ConnectionCallback<Boolean>) connection ->
                ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).isLazyQueryExecution());

        assertThat(lazy).isTrue();
    }
}
