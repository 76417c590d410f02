package io.energysensors.logservice.ingest;

import io.energysensors.web.problem.FirstErrors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A body with at least one bad line: nothing of it is stored. Lists the first bad lines and says
 * how many errors there were in all ({@link FirstErrors}).
 */
final class BatchRejectedException extends ErrorResponseException {

    private final long badLines;

    BatchRejectedException(FirstErrors<LineError> errors, long badLines, int lines) {
        super(HttpStatus.BAD_REQUEST, problem(errors, badLines, lines), null);
        this.badLines = badLines;
    }

    long badLines() {
        return badLines;
    }

    /** What the problem says, in one line: how many lines are bad, then the first errors. */
    String summary() {
        return getBody().getDetail() + ": " + getBody().getProperties().get("error");
    }

    private static ProblemDetail problem(FirstErrors<LineError> errors, long badLines, int lines) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                badLines + " of " + lines + (lines == 1 ? " line is" : " lines are") + " invalid; nothing was stored");
        problem.setTitle("Invalid event");
        String listed =
                String.join("; ", errors.kept().stream().map(LineError::text).toList());
        problem.setProperty(
                "error",
                errors.omitted() == 0 ? listed : listed + "; and " + errors.omitted() + " more errors not listed");
        errors.toProperties(LineError::toProperty).forEach(problem::setProperty);
        return problem;
    }
}
