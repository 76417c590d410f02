package io.energysensors.logservice.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.TransactionSystemException;

/** Which failed transactions mean the database is gone (503) and which are a fault of ours (500). */
class StorageFaultsTests {

    @Test
    void takesAFailedRollbackOnAClosedConnectionForALostDatabase() {
        // What Hibernate and Hikari raise when PostgreSQL stops mid-transaction: Hikari has already
        // evicted the broken connection, and its stand-in refuses the rollback without a SQLSTATE.
        JpaSystemException rollback = new JpaSystemException(new RuntimeException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));

        assertThat(StorageFaults.connectionLost(rollback)).isTrue();
    }

    @Test
    void takesAnAdministratorShutdownOrARefusedConnectionForALostDatabase() {
        assertThat(StorageFaults.connectionLost(new TransactionSystemException(
                        "commit", new SQLException("terminating connection due to administrator command", "57P01"))))
                .isTrue();
        assertThat(StorageFaults.connectionLost(new TransactionSystemException(
                        "begin", new SQLTransientConnectionException("request timed out"))))
                .isTrue();
        assertThat(StorageFaults.connectionLost(
                        new TransactionSystemException("begin", new ConnectException("Connection refused"))))
                .isTrue();
    }

    @Test
    void leavesOtherFailedTransactionsAsInternalErrors() {
        assertThat(StorageFaults.connectionLost(
                        new TransactionSystemException("commit", new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(StorageFaults.connectionLost(
                        new TransactionSystemException("commit", new SQLException("something else"))))
                .isFalse();
        assertThat(StorageFaults.connectionLost(new JpaSystemException(new RuntimeException("mapping"))))
                .isFalse();
    }

    @Test
    void takesAReadOnlyOrFullDatabaseForOneThatRefusesWrites() {
        assertThat(StorageFaults.refusesWrites(new UncategorizedSQLException(
                        "copy",
                        null,
                        new SQLException("cannot execute COPY FROM in a read-only transaction", "25006"))))
                .isTrue();
        assertThat(StorageFaults.refusesWrites(new TransactionSystemException(
                        "commit", new SQLException("could not extend file: No space left on device", "53100"))))
                .isTrue();
        assertThat(StorageFaults.refusesWrites(new UncategorizedSQLException(
                        "insert", null, new SQLException("The database is read only", "90097", 90097))))
                .isTrue();
        assertThat(StorageFaults.refusesWrites(
                        new TransactionSystemException("commit", new SQLException("duplicate key", "23505"))))
                .isFalse();
    }
}
