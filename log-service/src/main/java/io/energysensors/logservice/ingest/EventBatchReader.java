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
import io.energysensors.web.body.StrictText;
import io.energysensors.web.body.TextLines;
import io.energysensors.web.problem.FirstErrors;
import org.springframework.stereotype.Component;

/**
 * Turns a request body into events, all or nothing: every line is checked, one bad line rejects
 * the whole batch (docs/format.md, "The event the log service needs"), and the first bad lines
 * ({@code energy-sensors.ingest.max-errors}) are listed with the count of all of them. Once a line
 * is bad no more events are kept, so a body of millions of bad lines costs its bytes and the
 * listed errors, nothing per line.
 */
@Component
class EventBatchReader {

    private final LineParser parser = new LineParser();
    private final SensorEventReader eventReader;
    private final LineJson lineJson = new LineJson();
    private final int maxErrors;

    /** @param eventReader within the configured {@link EventLimitProperties} */
    EventBatchReader(SensorEventReader eventReader, IngestProperties limits) {
        this.eventReader = eventReader;
        this.maxErrors = limits.maxErrors();
    }

    /**
     * One event per non-blank line, split and decoded by the rule both services share
     * ({@link TextLines}).
     */
    List<SensorEvent> readText(byte[] body, Charset charset, ByteLimit maxLine) {
        Batch batch = new Batch(maxErrors);
        int lines = TextLines.forEachNonBlankLine(body, charset, maxLine, line -> {
            try {
                batch.add(line.number(), parser.parse(line.text()));
            } catch (LineFormatException e) {
                batch.reject(formatError(line.number(), e));
            }
        });
        return batch.checked(lines);
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
        Batch batch = new Batch(maxErrors);
        for (int i = 0; i < lines.size(); i++) {
            batch.add(i + 1, lines.get(i));
        }
        return batch.checked(lines.size());
    }

    private static LineError formatError(int number, LineFormatException e) {
        return new LineError(number, e.column() > 0 ? e.column() : null, LineError.fieldOf(e), e.reason());
    }

    /** The events of a body being read, until its first bad line; then only its errors. */
    private final class Batch {

        private final List<SensorEvent> events = new ArrayList<>();
        private final FirstErrors<LineError> errors;
        private int badLines;
        private int lastBadLine;

        Batch(int maxErrors) {
            this.errors = new FirstErrors<>(maxErrors);
        }

        void add(int number, SensorLine line) {
            try {
                SensorEvent event = eventReader.read(line);
                if (errors.isEmpty()) {
                    events.add(event);
                }
            } catch (InvalidEventException e) {
                for (InvalidEventException.FieldError error : e.errors()) {
                    reject(new LineError(number, null, error.field(), error.message()));
                }
            }
        }

        /** Errors come in line order, so a line is new to the count when it differs from the last. */
        void reject(LineError error) {
            if (errors.isEmpty()) {
                events.clear();
            }
            if (error.line() != lastBadLine) {
                badLines++;
                lastBadLine = error.line();
            }
            errors.add(error);
        }

        List<SensorEvent> checked(int lines) {
            if (!errors.isEmpty()) {
                throw new BatchRejectedException(errors, badLines, lines);
            }
            if (events.isEmpty()) {
                throw MalformedBodyException.noEvent();
            }
            return events;
        }
    }
}
