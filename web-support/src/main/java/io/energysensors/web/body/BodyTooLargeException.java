package io.energysensors.web.body;

import java.util.Map;

import io.energysensors.web.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/** A body, or one line of it, over its configured limit: 413 naming the limit and its setting. */
public final class BodyTooLargeException extends ApiProblem {

    private BodyTooLargeException(String message, Map<String, Object> properties) {
        super(HttpStatus.CONTENT_TOO_LARGE, message, properties);
    }

    static BodyTooLargeException body(ByteLimit limit) {
        return new BodyTooLargeException(
                "request body is larger than the limit of " + limit.bytes() + " bytes (" + limit.setting() + ")",
                Map.of("max_bytes", limit.bytes()));
    }

    static BodyTooLargeException line(int line, ByteLimit limit) {
        return new BodyTooLargeException(
                "line " + line + " is longer than the limit of " + limit.bytes() + " bytes (" + limit.setting() + ")",
                Map.of("line", line, "max_bytes", limit.bytes()));
    }
}
