package io.energysensors.logservice.storage;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * What a database failure means for whoever meets it, read from its causes' types and SQLSTATEs:
 * the connection is gone, or the database takes no writes now. Requests answer either with 503
 * (StorageUnavailableAdvice); a clustering run records it in words.
 */
public final class StorageFaults {

    private static final String HIKARI_CLOSED = "Connection is closed";
    /** PostgreSQL's read-only transaction; class 53 is out of resources (53100: disk full). */
    private static final String READ_ONLY_TRANSACTION = "25006";

    private static final String INSUFFICIENT_RESOURCES = "53";
    /** H2's error codes, which it also sends as the SQLSTATE: read-only, I/O failed, closed after a fault. */
    private static final Set<String> H2_REFUSES_WRITES = Set.of("90097", "90028", "90031", "90098");

    private StorageFaults() {}

    /**
     * SQLSTATE class 08 is a connection exception, 57P an operator stopping the server. Hikari
     * answers a call on a connection it already evicted as broken with a plain "Connection is
     * closed" and no SQLSTATE, which is how the failed rollback after such an eviction arrives.
     */
    public static boolean connectionLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SocketException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && (sql.getSQLState() == null
                            ? HIKARI_CLOSED.equals(sql.getMessage())
                            : sql.getSQLState().startsWith("08")
                                    || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** A database that is up but takes no writes now: read-only, out of space, or (H2) its file failing. */
    public static boolean refusesWrites(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals(READ_ONLY_TRANSACTION)
                        || state.startsWith(INSUFFICIENT_RESOURCES)
                        || H2_REFUSES_WRITES.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }
}
