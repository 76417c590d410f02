package io.energysensors.logservice.ingest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A body, or one line of it, beyond the configured limit (413). */
final class BodyTooLargeException extends ErrorResponseException {

    private BodyTooLargeException(ProblemDetail problem) {
        super(HttpStatus.CONTENT_TOO_LARGE, problem, null);
    }

    static BodyTooLargeException body(int maxBytes) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE,
                "request body is larger than " + maxBytes + " bytes (energy-sensors.ingest.max-body-bytes)");
        problem.setProperty("maxBytes", maxBytes);
        return new BodyTooLargeException(problem);
    }

    static BodyTooLargeException line(int line, int maxBytes) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE,
                "line " + line + " is longer than " + maxBytes + " bytes (energy-sensors.ingest.max-line-bytes)");
        problem.setProperty("line", line);
        problem.setProperty("maxBytes", maxBytes);
        return new BodyTooLargeException(problem);
    }
}
