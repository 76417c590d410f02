package io.energysensors.logservice.ingest;

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

/**
 * Turns a request body into events, all or nothing: every bad line is collected, and one of
 * them rejects the whole batch (docs/format.md, "The event the log service needs").
 */
@Component
class EventBatchReader {

    private final LineParser parser = new LineParser();
    private final SensorEventReader eventReader = new SensorEventReader();
    private final LineJson lineJson = new LineJson();

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
        List<SensorLine> lines;
        try {
            lines = lineJson.readAll(decodeDocument(body));
        } catch (LineFormatException e) {
            // The JSON text itself is broken: one position in the document, not a list per line.
            throw MalformedBodyException.json(e);
        }
        List<SensorEvent> events = new ArrayList<>(lines.size());
        List<LineError> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            toEvent(lines.get(i), i + 1, events, errors);
        }
        return checked(events, errors, lines.size());
    }

    private void readLine(
            byte[] body, int start, int stop, int lineNumber, List<SensorEvent> events, List<LineError> errors) {
        String text;
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

    private void toEvent(SensorLine line, int number, List<SensorEvent> events, List<LineError> errors) {
        try {
            events.add(eventReader.read(line));
        } catch (InvalidEventException e) {
            for (InvalidEventException.FieldError error : e.errors()) {
                errors.add(new LineError(number, null, error.field(), error.message()));
            }
        }
    }

    private static LineError formatError(int number, LineFormatException e) {
        return new LineError(number, e.column() > 0 ? e.column() : null, LineError.fieldOf(e), e.reason());
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
            return Utf8.decode(body, 0, body.length);
        } catch (InvalidUtf8Exception e) {
            throw MalformedBodyException.at(e.getMessage(), e.line(), e.column());
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
