package io.energysensors.web.problem;

import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds problem details that always carry the {@code error} member. */
final class Problems {

    private Problems() {}

    static ProblemDetail of(HttpStatusCode status, String message, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setProperty("error", message);
        properties.forEach(problem::setProperty);
        return problem;
    }

    /**
     * The original's clients read {@code error}; Spring's own problems only have {@code detail}.
     * An {@code error} already set (a batch's list of bad lines, say) is kept.
     */
    static void addErrorMember(ProblemDetail problem) {
        Map<String, Object> properties = problem.getProperties();
        if (properties != null && properties.containsKey("error")) {
            return;
        }
        String message = problem.getDetail() != null && !problem.getDetail().isBlank()
                ? problem.getDetail()
                : problem.getTitle();
        problem.setProperty("error", message);
    }
}
