package io.energysensors.logservice.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.TransactionSystemException;

/** Which failed transactions mean the database is gone (503) and which are a fault of ours (500). */
class StorageUnavailableAdviceTests {

    @Test
    void takesAFailedRollbackOnAClosedConnectionForALostDatabase() {
        // What Hibernate and Hikari raise when PostgreSQL stops mid-transaction: Hikari has already
        // evicted the broken connection, and its stand-in refuses the rollback without a SQLSTATE.
        JpaSystemException rollback = new JpaSystemException(new RuntimeException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));

        assertThat(StorageUnavailableAdvice.connectionLost(rollback)).isTrue();
    }

    @Test
    void takesAnAdministratorShutdownOrARefusedConnectionForALostDatabase() {
        assertThat(StorageUnavailableAdvice.connectionLost(new TransactionSystemException(
                        "commit", new SQLException("terminating connection due to administrator command", "57P01"))))
                .isTrue();
        assertThat(StorageUnavailableAdvice.connectionLost(new TransactionSystemException(
                        "begin", new SQLTransientConnectionException("request timed out"))))
                .isTrue();
        assertThat(StorageUnavailableAdvice.connectionLost(
                        new TransactionSystemException("begin", new ConnectException("Connection refused"))))
                .isTrue();
    }

    @Test
    void leavesOtherFailedTransactionsAsInternalErrors() {
        assertThat(StorageUnavailableAdvice.connectionLost(
                        new TransactionSystemException("commit", new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(StorageUnavailableAdvice.connectionLost(
                        new TransactionSystemException("commit", new SQLException("something else"))))
                .isFalse();
        assertThat(StorageUnavailableAdvice.connectionLost(new JpaSystemException(new RuntimeException("mapping"))))
                .isFalse();
    }
}
