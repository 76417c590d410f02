package io.energysensors.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.energysensors.format.Section.KeyValueSection;
import io.energysensors.format.Section.ListSection;
import io.energysensors.format.Value.BigIntegerValue;
import io.energysensors.format.Value.BooleanValue;
import io.energysensors.format.Value.DecimalValue;
import io.energysensors.format.Value.IntegerValue;
import io.energysensors.format.Value.TextValue;
import io.energysensors.format.Value.TimestampValue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Known answers: what the original parser made of every line of the 1000-line sample. */
class LineParserSampleTests {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final LineParser parser = new LineParser();

    @Test
    void parsesEverySampleLineAsTheOriginalDid() {
        List<String> lines = SampleFiles.linesWithBreaks(SampleFiles.SAMPLE);
        List<String> expected = SampleFiles.linesWithBreaks(SampleFiles.PARSED_EVENTS);
        assertThat(lines).hasSize(1000);
        assertThat(expected).hasSameSizeAs(lines);
        for (int i = 0; i < lines.size(); i++) {
            SensorLine parsed = parser.parse(lines.get(i));
            assertThat(tree(parsed)).as("sample line %d", i + 1).isEqualTo(tree(MAPPER.readTree(expected.get(i))));
        }
    }

    @Test
    void repositorySampleIsTheOriginalSample() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(SampleFiles.SAMPLE));
        assertThat(HexFormat.of().formatHex(digest)).isEqualTo(SampleFiles.SAMPLE_SHA256);
    }

    /**
     * The parsed tree as nested lists, comparable with {@link #tree(JsonNode)}: each section
     * {@code [name, "kv"|"list", entries...]}, each key/value entry {@code [key, value]}; lists
     * rather than maps so that order counts.
     */
    private static List<Object> tree(SensorLine line) {
        List<Object> sections = new ArrayList<>();
        for (Section section : line.sections()) {
            List<Object> node = new ArrayList<>();
            node.add(section.name());
            if (section instanceof KeyValueSection keyValues) {
                node.add("kv");
                for (Map.Entry<String, Value> entry : keyValues.entries().entrySet()) {
                    node.add(List.of(entry.getKey(), entry.getValue()));
                }
            } else {
                node.add("list");
                node.addAll(((ListSection) section).elements());
            }
            sections.add(node);
        }
        return sections;
    }

    /** The reference's JSON, with its naive ISO date-times read as UTC (as docs/format.md says). */
    private static List<Object> tree(JsonNode line) {
        List<Object> sections = new ArrayList<>();
        for (Map.Entry<String, JsonNode> section : line.properties()) {
            List<Object> node = new ArrayList<>();
            node.add(section.getKey());
            if (section.getValue().isObject()) {
                node.add("kv");
                for (Map.Entry<String, JsonNode> entry : section.getValue().properties()) {
                    node.add(List.of(entry.getKey(), value(entry.getValue())));
                }
            } else {
                node.add("list");
                for (JsonNode element : section.getValue().values()) {
                    node.add(value(element));
                }
            }
            sections.add(node);
        }
        return sections;
    }

    private static Value value(JsonNode node) {
        if (node.isBoolean()) {
            return new BooleanValue(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong()
                    ? new IntegerValue(node.longValue())
                    : new BigIntegerValue(node.bigIntegerValue());
        }
        if (node.isFloatingPointNumber()) {
            return new DecimalValue(node.doubleValue());
        }
        try {
            return new TimestampValue(LocalDateTime.parse(node.stringValue()).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notADateTime) {
            return new TextValue(node.stringValue());
        }
    }
}
