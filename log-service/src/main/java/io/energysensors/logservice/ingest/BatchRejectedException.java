package io.energysensors.logservice.ingest;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A body with at least one bad line: nothing of it is stored. Lists every bad line. */
final class BatchRejectedException extends ErrorResponseException {

    private final long badLines;

    BatchRejectedException(List<LineError> errors, int lines) {
        this(errors, lines, errors.stream().mapToInt(LineError::line).distinct().count());
    }

    private BatchRejectedException(List<LineError> errors, int lines, long badLines) {
        super(HttpStatus.BAD_REQUEST, problem(errors, lines, badLines), null);
        this.badLines = badLines;
    }

    long badLines() {
        return badLines;
    }

    /** What the problem says, in one line: how many lines are bad, then each one's error. */
    String summary() {
        return getBody().getDetail() + ": " + getBody().getProperties().get("error");
    }

    private static ProblemDetail problem(List<LineError> errors, int lines, long badLines) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                badLines + " of " + lines + (lines == 1 ? " line is" : " lines are") + " invalid; nothing was stored");
        problem.setTitle("Invalid event");
        problem.setProperty(
                "error", String.join("; ", errors.stream().map(LineError::text).toList()));
        problem.setProperty("errors", errors.stream().map(LineError::toProperty).toList());
        return problem;
    }
}
