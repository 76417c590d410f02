package io.energysensors.web.problem;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors the servlet container forwards to {@code /error} (raised outside Spring MVC, e.g.
 * in a filter) as problem JSON, for every client: no whitelabel HTML page, no stack trace.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatusCode status = statusOf(request);
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        // Server errors keep their cause in the log: their messages may show internals.
        String text = !status.is5xxServerError() && message instanceof String s && !s.isBlank() ? s : reasonOf(status);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, text, Map.of()));
    }

    private static HttpStatusCode statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // No status: somebody asked for /error itself, which is no resource of ours.
        return code instanceof Integer value && value >= 400 && value <= 599
                ? HttpStatusCode.valueOf(value)
                : HttpStatus.NOT_FOUND;
    }

    private static String reasonOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "Error " + status.value();
    }
}
