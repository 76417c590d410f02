package io.energysensors.logservice.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.energysensors.format.LineFormatException;
import io.energysensors.format.LineParser;
import io.energysensors.format.SensorLine;
import io.energysensors.format.event.InvalidEventException;
import io.energysensors.format.event.SensorEvent;
import io.energysensors.format.event.SensorEventReader;
import io.energysensors.format.json.LineJson;
import io.energysensors.web.body.ByteLimit;
import io.energysensors.web.body.NumberedLine;
import io.energysensors.web.body.StrictText;
import io.energysensors.web.body.TextLines;
import org.springframework.stereotype.Component;

/**
 * Turns a request body into events, all or nothing: every bad line is collected, and one of
 * them rejects the whole batch (docs/format.md, "The event the log service needs").
 */
@Component
class EventBatchReader {

    private final LineParser parser = new LineParser();
    private final SensorEventReader eventReader;
    private final LineJson lineJson = new LineJson();

    /** @param eventReader within the configured {@link EventLimitProperties} */
    EventBatchReader(SensorEventReader eventReader) {
        this.eventReader = eventReader;
    }

    /**
     * One event per non-blank line, split and decoded by the rule both services share
     * ({@link TextLines}).
     */
    List<SensorEvent> readText(byte[] body, Charset charset, ByteLimit maxLine) {
        List<NumberedLine> lines = TextLines.nonBlankLines(body, charset, maxLine);
        List<SensorEvent> events = new ArrayList<>(lines.size());
        List<LineError> errors = new ArrayList<>();
        for (NumberedLine line : lines) {
            try {
                toEvent(parser.parse(line.text()), line.number(), events, errors);
            } catch (LineFormatException e) {
                errors.add(formatError(line.number(), e));
            }
        }
        return checked(events, errors, lines.size());
    }

    /** The parse-service's JSON object for one line, or an array of them, in UTF-8 as JSON is. */
    List<SensorEvent> readJson(byte[] body) {
        List<SensorLine> lines;
        try {
            lines = lineJson.readAll(StrictText.decode(body, StandardCharsets.UTF_8));
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
}
