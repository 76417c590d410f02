package io.energysensors.logservice.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

import io.energysensors.format.LineFormatException;
import io.energysensors.web.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * A body that decodes but is no batch of events (broken JSON, no event): 400 with its position.
 * Bytes that are not text and bodies over the limit are web-support's to refuse.
 */
final class MalformedBodyException extends ApiProblem {

    private MalformedBodyException(String message, Map<String, Object> properties) {
        super(HttpStatus.BAD_REQUEST, message, properties);
    }

    /** Broken JSON, or JSON that is not the form of sensor lines: its position and JSON pointer. */
    static MalformedBodyException json(LineFormatException e) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (e.line() > 0) {
            properties.put("line", e.line());
            properties.put("column", e.column());
        }
        if (e.jsonPointer() != null) {
            properties.put("pointer", e.jsonPointer());
        }
        String field = LineError.fieldOf(e);
        if (field != null) {
            properties.put("field", field);
        }
        return new MalformedBodyException(e.getMessage(), properties);
    }

    static MalformedBodyException noEvent() {
        return new MalformedBodyException(
                "the body holds no event: send one sensor line, several separated by newlines, or their JSON form",
                Map.of());
    }
}
