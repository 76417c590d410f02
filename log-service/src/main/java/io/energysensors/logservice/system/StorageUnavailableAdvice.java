package io.energysensors.logservice.system;

import java.util.Map;

import io.energysensors.web.problem.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
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

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> storageUnavailable(RuntimeException e) {
        log.warn("Event store unavailable: {}", e.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE,
                "the event store is unavailable; nothing was stored, retry later", Map.of(), headers)
                .toResponseEntity();
    }
}
