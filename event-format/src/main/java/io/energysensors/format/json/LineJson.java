package io.energysensors.format.json;

import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.energysensors.format.LineFormatException;
import io.energysensors.format.LineParser;
import io.energysensors.format.Section;
import io.energysensors.format.Section.KeyValueSection;
import io.energysensors.format.Section.ListSection;
import io.energysensors.format.SensorLine;
import io.energysensors.format.UniqueNames;
import io.energysensors.format.Value;
import io.energysensors.format.Value.BigIntegerValue;
import io.energysensors.format.Value.BooleanValue;
import io.energysensors.format.Value.DecimalValue;
import io.energysensors.format.Value.IntegerValue;
import io.energysensors.format.Value.TextValue;
import io.energysensors.format.Value.TimestampValue;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * The JSON form of a sensor line: one object per line, section name to object (key/value
 * section) or array (list section); booleans and numbers as JSON booleans and numbers (integers
 * beyond 64 bits exact, decimals in their shortest round-trip form), timestamps as ISO-8601 UTC
 * strings ending in {@code Z} ({@link java.time.Instant#toString()}), text as strings.
 *
 * <p>Reading is the inverse: a string ending in {@code Z} that the line grammar reads as a
 * date-time becomes a timestamp, every other string is text. The parser never types such a
 * string as text, so for every parsed line {@code read(write(line))} equals {@code line}.
 * Reading rejects, with line, column and JSON pointer, what no sensor line could give: empty
 * sections, duplicate names, nested structures, nulls and numbers beyond a double's range.
 * Thread-safe.
 */
public final class LineJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private final LineParser values = new LineParser();

    /** The JSON object of one line. */
    public String write(SensorLine line) {
        StringWriter out = new StringWriter(1024);
        write(line, out);
        return out.toString();
    }

    /** Writes the JSON object of one line to {@code out}, which is flushed but left open. */
    public void write(SensorLine line, Writer out) {
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            writeLine(line, generator);
        }
    }

    /** A JSON array holding the object of each line, in order. */
    public String writeAll(List<SensorLine> lines) {
        StringWriter out = new StringWriter(1024 * Math.max(1, lines.size()));
        writeAll(lines, out);
        return out.toString();
    }

    /** Writes a JSON array holding the object of each line to {@code out}, which is flushed but left open. */
    public void writeAll(Iterable<SensorLine> lines, Writer out) {
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.writeStartArray();
            for (SensorLine line : lines) {
                writeLine(line, generator);
            }
            generator.writeEndArray();
        }
    }

    private static void writeLine(SensorLine line, JsonGenerator generator) {
        generator.writeStartObject();
        for (Section section : line.sections()) {
            generator.writeName(section.name());
            if (section instanceof KeyValueSection keyValues) {
                generator.writeStartObject();
                for (Map.Entry<String, Value> entry : keyValues.entries().entrySet()) {
                    generator.writeName(entry.getKey());
                    writeValue(entry.getValue(), generator);
                }
                generator.writeEndObject();
            } else {
                generator.writeStartArray();
                for (Value element : ((ListSection) section).elements()) {
                    writeValue(element, generator);
                }
                generator.writeEndArray();
            }
        }
        generator.writeEndObject();
    }

    private static void writeValue(Value value, JsonGenerator generator) {
        if (value instanceof IntegerValue integer) {
            generator.writeNumber(integer.value());
        } else if (value instanceof DecimalValue decimal) {
            generator.writeNumber(decimal.value());
        } else if (value instanceof TextValue text) {
            generator.writeString(text.value());
        } else if (value instanceof BooleanValue bool) {
            generator.writeBoolean(bool.value());
        } else if (value instanceof TimestampValue timestamp) {
            generator.writeString(timestamp.value().toString());
        } else {
            generator.writeNumber(((BigIntegerValue) value).value());
        }
    }

    /** The line whose JSON object {@code json} is. */
    public SensorLine read(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return new Reading(parser).line();
        }
    }

    /** The line whose JSON object {@code json} holds; the reader is consumed but left open. */
    public SensorLine read(Reader json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return new Reading(parser).line();
        }
    }

    /** The lines of a JSON array of line objects, or of a single line object. */
    public List<SensorLine> readAll(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return new Reading(parser).lines();
        }
    }

    /** As {@link #readAll(String)}; the reader is consumed but left open. */
    public List<SensorLine> readAll(Reader json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return new Reading(parser).lines();
        }
    }

    /** One read: the parser and the section and key being read, for error messages. */
    private final class Reading {

        private final JsonParser parser;
        private String section;
        private String key;
        /** The sections of the line object being read. */
        private List<Section> sections;

        private final UniqueNames sectionNames =
                new UniqueNames(i -> sections.get(i).name());

        Reading(JsonParser parser) {
            this.parser = parser;
        }

        SensorLine line() {
            try {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw error("expected a JSON object (one sensor line)");
                }
                SensorLine line = lineObject();
                expectEnd();
                return line;
            } catch (StreamReadException | StreamConstraintsException e) {
                throw jsonError(e);
            }
        }

        List<SensorLine> lines() {
            try {
                JsonToken first = parser.nextToken();
                if (first == JsonToken.START_OBJECT) {
                    SensorLine line = lineObject();
                    expectEnd();
                    return List.of(line);
                }
                if (first != JsonToken.START_ARRAY) {
                    throw error("expected a JSON array of sensor line objects, or one such object");
                }
                List<SensorLine> lines = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (!parser.hasToken(JsonToken.START_OBJECT)) {
                        throw error("expected a JSON object (one sensor line)");
                    }
                    lines.add(lineObject());
                }
                expectEnd();
                return Collections.unmodifiableList(lines);
            } catch (StreamReadException | StreamConstraintsException e) {
                throw jsonError(e);
            }
        }

        private void expectEnd() {
            if (parser.nextToken() != null) {
                throw error("expected the end of the JSON text");
            }
        }

        /** Reads from just after '{' to its '}'. */
        private SensorLine lineObject() {
            sections = new ArrayList<>(12);
            sectionNames.clear();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                section = parser.currentName();
                key = null;
                if (section.isBlank()) {
                    throw error("expected a section name, got an empty one");
                }
                if (!sectionNames.add(section)) {
                    throw error("duplicate section \"" + section + "\"");
                }
                JsonToken token = parser.nextToken();
                if (token == JsonToken.START_OBJECT) {
                    sections.add(keyValues());
                } else if (token == JsonToken.START_ARRAY) {
                    sections.add(list());
                } else {
                    throw error("section \"" + section + "\" must be an object (key/value pairs) or an array (list)");
                }
            }
            section = null;
            key = null;
            if (sections.isEmpty()) {
                throw error("expected at least one section in a sensor line");
            }
            return new SensorLine(Collections.unmodifiableList(sections));
        }

        private Section keyValues() {
            Map<String, Value> entries = new LinkedHashMap<>(8);
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                key = parser.currentName();
                if (key.isBlank()) {
                    throw error("expected a key in section \"" + section + "\", got an empty one");
                }
                if (entries.containsKey(key)) {
                    throw error("duplicate key \"" + key + "\" in section \"" + section + "\"");
                }
                parser.nextToken();
                entries.put(key, scalar());
            }
            key = null;
            if (entries.isEmpty()) {
                throw error("section \"" + section + "\" is empty");
            }
            return new KeyValueSection(section, Collections.unmodifiableMap(entries));
        }

        private Section list() {
            List<Value> elements = new ArrayList<>(12);
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                elements.add(scalar());
            }
            if (elements.isEmpty()) {
                throw error("section \"" + section + "\" is empty");
            }
            return new ListSection(section, Collections.unmodifiableList(elements));
        }

        private Value scalar() {
            JsonToken token = parser.currentToken();
            switch (token) {
                case VALUE_STRING:
                    return text(parser.getString());
                case VALUE_NUMBER_INT:
                    return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            ? new BigIntegerValue(parser.getBigIntegerValue())
                            : IntegerValue.of(parser.getLongValue());
                case VALUE_NUMBER_FLOAT:
                    double decimal = parser.getDoubleValue();
                    if (!Double.isFinite(decimal)) {
                        throw error("number " + parser.getString() + " is beyond the range of a double");
                    }
                    return new DecimalValue(decimal);
                case VALUE_TRUE:
                    return BooleanValue.of(true);
                case VALUE_FALSE:
                    return BooleanValue.of(false);
                case VALUE_NULL:
                    throw error("expected a boolean, number or string, got null");
                default:
                    throw error("expected a boolean, number or string, got a nested "
                            + (token == JsonToken.START_ARRAY ? "array" : "object"));
            }
        }

        private Value text(String string) {
            if (!string.isEmpty() && string.charAt(string.length() - 1) == 'Z') {
                Value value = values.parseValue(string);
                if (value instanceof TimestampValue) {
                    return value;
                }
            }
            return new TextValue(string);
        }

        private LineFormatException error(String message) {
            TokenStreamLocation location = parser.currentTokenLocation();
            // At the end of the input there is no token, so no token location: use where reading stopped.
            return error(message, location.getColumnNr() < 1 ? parser.currentLocation() : location);
        }

        private LineFormatException jsonError(JacksonException e) {
            return error(e.getOriginalMessage(), e.getLocation());
        }

        private LineFormatException error(String message, TokenStreamLocation location) {
            int line = location == null ? 1 : Math.max(1, location.getLineNr());
            int column = location == null ? 1 : Math.max(1, location.getColumnNr());
            String pointer = parser.streamReadContext().pathAsPointer().toString();
            return new LineFormatException(message, line, column, pointer, section, key);
        }
    }
}
