package io.energysensors.logservice.ingest;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;

import io.energysensors.format.LineFormatException;
import io.energysensors.format.LineParser;
import io.energysensors.format.SensorLine;
import io.energysensors.format.event.InvalidEventException;
import io.energysensors.format.event.SensorEvent;
import io.energysensors.format.event.SensorEventReader;
import io.energysensors.format.json.LineJson;
import io.energysensors.logservice.ingest.Utf8.InvalidUtf8Exception;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a request body into events, all or nothing: every bad line is collected, and one of
 * them rejects the whole batch (FORMAT.md, "The event the log service needs").
 */
@Component
class EventBatchReader {

    private final LineParser parser = new LineParser();
    private final SensorEventReader eventReader = new SensorEventReader();
    private final LineJson lineJson = new LineJson();
    private final JsonMapper jsonMapper;
    private final ObjectReader jsonReader;

    EventBatchReader(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
        // Exact decimals so that re-serialising one array element loses nothing (1e400 stays 1e400).
        this.jsonReader = jsonMapper.reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** One event per {@code \n}-separated line; a trailing {@code \r} is dropped, blank lines skipped. */
    List<SensorEvent> readText(byte[] body, int maxLineBytes) {
        List<SensorEvent> events = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        int lineNumber = 0;
        int lines = 0;
        for (int start = 0; start < body.length; ) {
            int end = indexOfNewline(body, start);
            lineNumber++;
            int stop = end > start && body[end - 1] == '\r' ? end - 1 : end;
            if (stop - start > maxLineBytes) {
                throw BodyTooLargeException.line(lineNumber, maxLineBytes);
            }
            if (!isBlank(body, start, stop)) {
                lines++;
                readLine(body, start, stop, lineNumber, events, errors);
            }
            start = end + 1;
        }
        return checked(events, errors, lines);
    }

    /** The parse-service's JSON object for one line, or an array of them. */
    List<SensorEvent> readJson(byte[] body) {
        JsonNode root = parseJson(decodeDocument(body));
        if (root == null || root.isMissingNode()) {
            throw MalformedBodyException.noEvent();
        }
        if (!root.isArray() && !root.isObject()) {
            throw MalformedBodyException.at("expected a JSON object or an array of them, got " + root.getNodeType(), 1, 1);
        }
        List<JsonNode> elements = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(elements::add);
        } else {
            elements.add(root);
        }
        List<SensorEvent> events = new ArrayList<>(elements.size());
        List<LineError> errors = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            readElement(elements.get(i), i + 1, events, errors);
        }
        return checked(events, errors, elements.size());
    }

    private void readLine(byte[] body, int start, int stop, int lineNumber, List<SensorEvent> events,
            List<LineError> errors) {
        CharBuffer text;
        try {
            text = Utf8.decode(body, start, stop);
        } catch (InvalidUtf8Exception e) {
            errors.add(new LineError(lineNumber, e.column(), null, e.getMessage()));
            return;
        }
        try {
            toEvent(parser.parse(text), lineNumber, events, errors);
        } catch (LineFormatException e) {
            errors.add(formatError(lineNumber, e));
        }
    }

    private void readElement(JsonNode element, int number, List<SensorEvent> events, List<LineError> errors) {
        if (!element.isObject()) {
            errors.add(new LineError(number, null, null, "expected a JSON object, got " + element.getNodeType()));
            return;
        }
        try {
            toEvent(lineJson.read(jsonMapper.writeValueAsString(element)), number, events, errors);
        } catch (LineFormatException e) {
            errors.add(formatError(number, e));
        }
    }

    private void toEvent(SensorLine line, int number, List<SensorEvent> events, List<LineError> errors) {
        try {
            events.add(eventReader.read(line));
        } catch (InvalidEventException e) {
            for (InvalidEventException.FieldError error : e.errors()) {
                errors.add(new LineError(number, null, error.field(), error.field() + " " + error.message()));
            }
        }
    }

    private static LineError formatError(int number, LineFormatException e) {
        // The exception's message starts with its column, which LineError puts in place itself.
        String prefix = "column " + e.column() + ": ";
        String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
        String field = e.section() == null ? null : e.key() == null ? e.section() : e.section() + "." + e.key();
        return new LineError(number, e.column() > 0 ? e.column() : null, field, message);
    }

    private static List<SensorEvent> checked(List<SensorEvent> events, List<LineError> errors, int lines) {
        if (!errors.isEmpty()) {
            throw new BatchRejectedException(errors, lines);
        }
        if (events.isEmpty()) {
            throw MalformedBodyException.noEvent();
        }
        return events;
    }

    private static String decodeDocument(byte[] body) {
        try {
            return Utf8.decode(body, 0, body.length).toString();
        } catch (InvalidUtf8Exception e) {
            throw MalformedBodyException.at(e.getMessage(), e.line(), e.column());
        }
    }

    private JsonNode parseJson(String text) {
        try {
            return jsonReader.readTree(text);
        } catch (JacksonException e) {
            var location = e.getLocation();
            int line = location == null ? 1 : Math.max(1, location.getLineNr());
            int column = location == null ? 1 : Math.max(1, location.getColumnNr());
            throw MalformedBodyException.at("not valid JSON: " + e.getOriginalMessage(), line, column);
        }
    }

    private static int indexOfNewline(byte[] body, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == '\n') {
                return i;
            }
        }
        return body.length;
    }

    private static boolean isBlank(byte[] body, int start, int stop) {
        for (int i = start; i < stop; i++) {
            if (body[i] != ' ' && body[i] != '\t' && body[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
