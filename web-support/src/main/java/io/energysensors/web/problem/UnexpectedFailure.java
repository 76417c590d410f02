package io.energysensors.web.problem;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a failure nobody foresaw: logged whole here, answered 500 without its stack
 * trace, which may show internals. For the shared catch-all and for a service's own handler
 * that turns only some failures of a kind into another answer.
 */
public final class UnexpectedFailure {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedFailure.class);

    private UnexpectedFailure() {}

    public static ResponseEntity<ProblemDetail> answer(Exception failure) {
        log.error("Unexpected failure while handling a request", failure);
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status).body(Problems.of(status, "internal error; see the service log", Map.of()));
    }
}
