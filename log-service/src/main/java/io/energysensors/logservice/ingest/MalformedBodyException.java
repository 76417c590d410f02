package io.energysensors.logservice.ingest;

import io.energysensors.format.LineFormatException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A body that is not a document at all (bad bytes, broken JSON, no event): 400 with its position. */
final class MalformedBodyException extends ErrorResponseException {

    private MalformedBodyException(ProblemDetail problem) {
        super(HttpStatus.BAD_REQUEST, problem, null);
    }

    static MalformedBodyException at(String message, int line, int column) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "line " + line + ", column " + column + ": " + message);
        problem.setProperty("line", line);
        problem.setProperty("column", column);
        return new MalformedBodyException(problem);
    }

    /** Broken JSON, or JSON that is not the form of sensor lines: its position and JSON pointer. */
    static MalformedBodyException json(LineFormatException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        if (e.line() > 0) {
            problem.setProperty("line", e.line());
            problem.setProperty("column", e.column());
        }
        if (e.jsonPointer() != null) {
            problem.setProperty("pointer", e.jsonPointer());
        }
        String field = LineError.fieldOf(e);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return new MalformedBodyException(problem);
    }

    static MalformedBodyException noEvent() {
        return new MalformedBodyException(ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "the body holds no event: send one sensor line, several separated by newlines, "
                        + "or their JSON form"));
    }

    static MalformedBodyException unreadable(String reason) {
        return new MalformedBodyException(
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "could not read the request body: " + reason));
    }
}
