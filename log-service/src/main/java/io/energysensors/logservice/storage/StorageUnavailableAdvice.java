package io.energysensors.logservice.storage;

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
 * The database is down, overloaded, read-only or out of space, or too many requests wait for it:
 * 503 with Retry-After, so clients retry; nothing was acknowledged. Each request asks the
 * database afresh, so the service recovers by itself once the database does. A database that
 * refuses connections surfaces as {@link CannotCreateTransactionException} when the storing
 * transaction begins. Ordered before the shared advice, whose catch-all would answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StorageUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(StorageUnavailableAdvice.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    /** No connection to begin a transaction with is a database that is down, whatever the layer says. */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<ProblemDetail> storageUnavailable(RuntimeException e) {
        if (StorageFaults.refusesWrites(e)) {
            return unavailable(
                    e, "the event store refuses writes (read-only or out of space); nothing was stored, retry later");
        }
        return unavailable(e, "the event store is unavailable; nothing was stored, retry later");
    }

    private static ResponseEntity<ProblemDetail> unavailable(RuntimeException e, String words) {
        log.warn("Event store unavailable: {}", e.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, words, Map.of(), headers).toResponseEntity();
    }

    /**
     * A connection that dies mid-transaction can surface as a failed rollback, which JPA reports
     * as uncategorized and which overrides the original failure; the transaction was not
     * committed, so it is the database being down. A database that refuses writes (read-only,
     * disk full) is not categorized by Spring either. Any other such failure stays a 500.
     */
    @ExceptionHandler({UncategorizedDataAccessException.class, TransactionSystemException.class})
    ResponseEntity<ProblemDetail> failedTransaction(RuntimeException e) {
        if (StorageFaults.connectionLost(e) || StorageFaults.refusesWrites(e)) {
            return storageUnavailable(e);
        }
        return UnexpectedFailure.answer(e);
    }
}
