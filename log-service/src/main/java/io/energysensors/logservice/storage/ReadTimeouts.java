package io.energysensors.logservice.storage;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Map;
import java.util.function.Supplier;

import io.energysensors.web.problem.ApiProblem;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A read that its statement timeout cancelled (spring.jpa.properties.jakarta.persistence.query.timeout,
 * spring.jdbc.template.query-timeout) answers 503 with Retry-After and says so, rather than the
 * store's "unavailable": the store is up, this query was too costly for now.
 */
public final class ReadTimeouts {

    /** SQLSTATE of a statement cancelled for its timeout, on H2 and PostgreSQL alike. */
    private static final String QUERY_CANCELED = "57014";

    private static final String RETRY_AFTER_SECONDS = "5";

    private ReadTimeouts() {}

    /** @param what the read, as the answer names it: "listing events", ... */
    public static <T> T answer(String what, Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            if (!timedOut(e)) {
                throw e;
            }
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            throw new ApiProblem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    what + " took longer than its time limit and was cancelled; narrow the query "
                            + "(device, from/to, a smaller size) or retry later",
                    Map.of(),
                    headers);
        }
    }

    static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof QueryTimeoutException
                    || cause instanceof jakarta.persistence.QueryTimeoutException
                    || cause instanceof SQLTimeoutException
                    || (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
