package io.energysensors.logservice.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.energysensors.logservice.EmbeddedPostgresHolder;
import io.energysensors.logservice.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * On a real PostgreSQL shared by several instances, only one clusters at a time: while another
 * connection (another instance) holds the advisory lock in its transaction, a run is skipped
 * and recorded as such; once that transaction ends, a run goes ahead.
 */
class PostgresClusteringLockTests extends OnPostgres {

    @Autowired
    private ClusteringScheduler scheduler;

    @Test
    void skipsARunWhileAnotherInstanceHoldsTheLock() throws SQLException {
        DriverManagerDataSource otherInstance =
                new DriverManagerDataSource(EmbeddedPostgresHolder.jdbcUrl(), "postgres", "postgres");
        try (Connection other = otherInstance.getConnection();
                Connection third = otherInstance.getConnection()) {
            other.setAutoCommit(false);
            assertThat(tryLock(other)).isTrue();
            third.setAutoCommit(false);
            assertThat(tryLock(third))
                    .as("a second attempt while the first holds it")
                    .isFalse();
            third.rollback();

            RunRecord whileHeld = scheduler.runNow("lock test, held");

            assertThat(whileHeld.status()).isEqualTo(RunStatus.SKIPPED);
            assertThat(whileHeld.reason()).isEqualTo("another instance is clustering");
            other.rollback();
        }

        RunRecord afterRelease = scheduler.runNow("lock test, released");

        assertThat(afterRelease.status()).isNotEqualTo(RunStatus.SKIPPED);
        assertThat(afterRelease.id()).isGreaterThan(0);
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, ClusteringLock.ADVISORY_KEY);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
