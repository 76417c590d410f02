package io.energysensors.logservice.system;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The {@code error} member every problem carries, for the original's clients. */
final class Problems {

    private Problems() {
    }

    /** Keeps an {@code error} that is already there (a batch's list of bad lines), else copies the detail. */
    static void addError(ProblemDetail problem) {
        Map<String, Object> properties = problem.getProperties();
        if (properties == null || !properties.containsKey("error")) {
            String detail = problem.getDetail();
            if (detail == null || detail.isBlank()) {
                HttpStatus status = HttpStatus.resolve(problem.getStatus());
                detail = status == null ? "error " + problem.getStatus() : status.getReasonPhrase();
            }
            problem.setProperty("error", detail);
        }
    }
}
