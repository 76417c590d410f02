package io.energysensors.logservice.storage;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

import io.energysensors.web.problem.ApiProblem;
import io.energysensors.web.problem.UnexpectedFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The database is down or overloaded, or too many requests wait for it: 503 with Retry-After,
 * so clients retry; nothing was acknowledged. A database that refuses connections surfaces as
 * {@link CannotCreateTransactionException} when the storing transaction begins. Ordered before
 * the shared advice, whose catch-all would answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StorageUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(StorageUnavailableAdvice.class);
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final String HIKARI_CLOSED = "Connection is closed";

    /** No connection to begin a transaction with is a database that is down, whatever the layer says. */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<ProblemDetail> storageUnavailable(RuntimeException e) {
        log.warn("Event store unavailable: {}", e.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return new ApiProblem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "the event store is unavailable; nothing was stored, retry later",
                        Map.of(),
                        headers)
                .toResponseEntity();
    }

    /**
     * A connection that dies mid-transaction can surface as a failed rollback, which JPA reports
     * as uncategorized and which overrides the original failure; the transaction was not
     * committed, so it is the database being down. Any other such failure stays a 500.
     */
    @ExceptionHandler({UncategorizedDataAccessException.class, TransactionSystemException.class})
    ResponseEntity<ProblemDetail> failedTransaction(RuntimeException e) {
        if (connectionLost(e)) {
            return storageUnavailable(e);
        }
        return UnexpectedFailure.answer(e);
    }

    /**
     * SQLSTATE class 08 is a connection exception, 57P an operator stopping the server. Hikari
     * answers a call on a connection it already evicted as broken with a plain "Connection is
     * closed" and no SQLSTATE, which is how the failed rollback after such an eviction arrives.
     */
    static boolean connectionLost(Throwable failure) {
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
}
