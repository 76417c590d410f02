package io.energysensors.web.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A request the service refuses, with everything its problem detail needs: the status, a message
 * that says exactly what is wrong, and members such as the line and column at fault.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, Object> properties;
    private final HttpHeaders headers;

    public ApiProblem(HttpStatus status, String message) {
        this(status, message, Map.of(), HttpHeaders.EMPTY);
    }

    public ApiProblem(HttpStatus status, String message, Map<String, Object> properties) {
        this(status, message, properties, HttpHeaders.EMPTY);
    }

    public ApiProblem(HttpStatus status, String message, Map<String, Object> properties, HttpHeaders headers) {
        super(message);
        this.status = status;
        this.properties = new LinkedHashMap<>(properties);
        this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
    }

    public HttpStatus status() {
        return status;
    }

    /** Extra members of the problem detail, in order. */
    public Map<String, Object> properties() {
        return properties;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The answer this problem gives: for handlers that must return rather than throw it. */
    public ResponseEntity<ProblemDetail> toResponseEntity() {
        return ResponseEntity.status(status).headers(headers).body(Problems.of(status, getMessage(), properties));
    }
}
