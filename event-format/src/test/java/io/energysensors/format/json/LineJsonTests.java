package io.energysensors.format.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.energysensors.format.LineFormatException;
import io.energysensors.format.LineParser;
import io.energysensors.format.SampleFiles;
import io.energysensors.format.Section.KeyValueSection;
import io.energysensors.format.Section.ListSection;
import io.energysensors.format.SensorLine;
import io.energysensors.format.Value;
import io.energysensors.format.Value.BigIntegerValue;
import io.energysensors.format.Value.DecimalValue;
import io.energysensors.format.Value.IntegerValue;
import io.energysensors.format.Value.TextValue;
import io.energysensors.format.Value.TimestampValue;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

class LineJsonTests {

    private static final JsonFactory TOKENS = JsonFactory.builder().build();

    private final LineParser parser = new LineParser();
    private final LineJson json = new LineJson();

    @Nested
    class Sample {

        /**
         * Token by token against the original's JSON: same structure, same names, the same
         * number text (shortest round-trip decimals such as 7.311999799999999), and the same
         * date-times (the reference writes them naive, meaning UTC; we add the Z).
         */
        @Test
        void writesEverySampleLineAsTheOriginalDid() {
            List<String> lines = SampleFiles.linesWithBreaks(SampleFiles.SAMPLE);
            List<String> expected = SampleFiles.linesWithBreaks(SampleFiles.PARSED_EVENTS);
            for (int i = 0; i < lines.size(); i++) {
                String written = json.write(parser.parse(lines.get(i)));
                assertThat(tokens(written))
                        .as("sample line %d: %s", i + 1, written)
                        .isEqualTo(tokens(expected.get(i)));
            }
        }

        @Test
        void roundTripsEverySampleLine() {
            for (String text : SampleFiles.linesWithBreaks(SampleFiles.SAMPLE)) {
                SensorLine line = parser.parse(text);
                assertThat(json.read(json.write(line))).isEqualTo(line);
            }
        }

        @Test
        void roundTripsTheWholeSampleAsOneArray() {
            List<SensorLine> lines = new ArrayList<>();
            for (String text : SampleFiles.linesWithBreaks(SampleFiles.SAMPLE)) {
                lines.add(parser.parse(text));
            }
            String array = json.writeAll(lines);
            assertThat(array).startsWith("[{\"Device\":{\"ID\":1,").endsWith("]");
            assertThat(json.readAll(array)).isEqualTo(lines);
            assertThat(json.readAll(new StringReader(array))).isEqualTo(lines);
        }

        /** Each token as type and text; strings that are naive or Z date-times as their instant. */
        private List<String> tokens(String document) {
            List<String> tokens = new ArrayList<>();
            try (JsonParser tokenizer = TOKENS.createParser(document)) {
                for (JsonToken token = tokenizer.nextToken(); token != null; token = tokenizer.nextToken()) {
                    String text = tokenizer.getString();
                    if (token == JsonToken.VALUE_STRING) {
                        text = instantOrText(text);
                    }
                    tokens.add(token + " " + text);
                }
            }
            return tokens;
        }

        private String instantOrText(String text) {
            try {
                return text.endsWith("Z")
                        ? Instant.parse(text).toString()
                        : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toString();
            } catch (DateTimeParseException notADateTime) {
                return text;
            }
        }
    }

    @Nested
    class Writing {

        @Test
        void writesSectionsAsObjectsOrArraysInOrder() {
            assertThat(
                            json.write(
                                    parser.parse(
                                            "Power: Active=1753W; Reactive=279var; Peaks: 7.33; 7.31; Alarms: CoilRevesed=OFF; Name: abc")))
                    .isEqualTo("{\"Power\":{\"Active\":1753,\"Reactive\":279},\"Peaks\":[7.33,7.31],"
                            + "\"Alarms\":{\"CoilRevesed\":false},\"Name\":[\"abc\"]}");
        }

        /** JDK 17's Double.toString writes 1e23 as 9.999999999999999E22: not the shortest form. */
        @ParameterizedTest
        @CsvSource({
            "1e23, 1.0E23",
            "2e23, 2.0E23",
            "7.311999799999999, 7.311999799999999",
            "0.1, 0.1",
            "-0.0, -0.0",
            "5., 5.0"
        })
        void writesDecimalsInTheirShortestRoundTripForm(String written, String expected) {
            assertThat(json.write(parser.parse("Foo: " + written))).isEqualTo("{\"Foo\":[" + expected + "]}");
        }

        @Test
        void writesIntegersBeyond64BitsExactly() {
            assertThat(json.write(parser.parse("Foo: 123456789012345678901234567890; -9223372036854775809")))
                    .isEqualTo("{\"Foo\":[123456789012345678901234567890,-9223372036854775809]}");
        }

        @Test
        void writesTimestampsAsIsoUtcWithZ() {
            assertThat(json.write(parser.parse("T: 2016-10-4 16:47:50.25+02:00")))
                    .isEqualTo("{\"T\":[\"2016-10-04T14:47:50.250Z\"]}");
        }

        @Test
        void escapesTextAsJsonNeedsIt() {
            SensorLine line =
                    new SensorLine(List.of(new ListSection("Quote", List.of(new TextValue("say \"hi\"\\ / \u00e9")))));
            assertThat(json.write(line)).isEqualTo("{\"Quote\":[\"say \\\"hi\\\"\\\\ / \u00e9\"]}");
        }

        @Test
        void writesToAWriterAndLeavesItOpen() {
            StringWriter out = new StringWriter();
            json.write(parser.parse("Foo: 1"), out);
            out.write('\n');
            json.writeAll(List.of(parser.parse("Foo: 1"), parser.parse("Bar: x=2")), out);
            assertThat(out).hasToString("{\"Foo\":[1]}\n[{\"Foo\":[1]},{\"Bar\":{\"x\":2}}]");
        }
    }

    @Nested
    class Reading {

        @Test
        void readsStringsEndingInZThatAreDateTimesAsTimestamps() {
            SensorLine line = json.read("{\"T\":[\"2016-10-04T16:47:50Z\",\"2016-10-04T16:47:50.123456789Z\"]}");
            assertThat(((ListSection) line.sections().get(0)).elements())
                    .containsExactly(
                            new TimestampValue(Instant.parse("2016-10-04T16:47:50Z")),
                            new TimestampValue(Instant.parse("2016-10-04T16:47:50.123456789Z")));
        }

        @Test
        void readsOtherStringsAsText() {
            SensorLine line =
                    json.read("{\"T\":[\"2016-10-04T16:47:50\",\"2016-10-04T25:47:50Z\",\"Z\",\"1753W\",\"on\",\"\"]}");
            assertThat(((ListSection) line.sections().get(0)).elements())
                    .containsExactly(
                            new TextValue("2016-10-04T16:47:50"),
                            new TextValue("2016-10-04T25:47:50Z"),
                            new TextValue("Z"),
                            new TextValue("1753W"),
                            new TextValue("on"),
                            new TextValue(""));
        }

        @Test
        void readsNumbersByTheirJsonType() {
            SensorLine line = json.read(
                    "{\"N\":{\"i\":-62,\"d\":230.08,\"e\":1E3,\"big\":99999999999999999999,\"min\":-9223372036854775808}}");
            Map<String, Value> expected = new LinkedHashMap<>();
            expected.put("i", new IntegerValue(-62));
            expected.put("d", new DecimalValue(230.08));
            expected.put("e", new DecimalValue(1000.0));
            expected.put("big", new BigIntegerValue(new BigInteger("99999999999999999999")));
            expected.put("min", new IntegerValue(Long.MIN_VALUE));
            assertThat(((KeyValueSection) line.sections().get(0)).entries()).containsExactlyEntriesOf(expected);
        }

        @Test
        void readsOneObjectAsAListOfOne() {
            assertThat(json.readAll(" {\"Foo\":[1]} ")).containsExactly(parser.parse("Foo: 1"));
            assertThat(json.readAll("[]")).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "{\"a\":[1]                       | 1 | 9  | /a          | Unexpected end-of-input",
                    "{\"a\":[1]} {\"b\":[2]}          | 1 | 11 | ''          | expected the end of the JSON text",
                    "[{\"a\":[1]}, 3]                 | 1 | 13 | /1          | expected a JSON object (one sensor line)",
                    "[1]                              | 1 | 2  | /0          | expected a JSON object (one sensor line)",
                    "{}                               | 1 | 2  | ''          | expected at least one section in a sensor line",
                    "{\"a\":[]}                       | 1 | 7  | /a          | section \"a\" is empty",
                    "{\"a\":{}}                       | 1 | 7  | /a          | section \"a\" is empty",
                    "{\"a\":1}                        | 1 | 6  | /a          | section \"a\" must be an object (key/value pairs) or an array (list)",
                    "{\"a\":[1],\"a\":[2]}            | 1 | 10 | /a          | duplicate section \"a\"",
                    "{\"a\":{\"k\":1,\"k\":2}}        | 1 | 13 | /a/k        | duplicate key \"k\" in section \"a\"",
                    "{\"a\":{\"k\":null}}             | 1 | 11 | /a/k        | expected a boolean, number or string, got null",
                    "{\"a\":[1,[2]]}                  | 1 | 9  | /a/1        | expected a boolean, number or string, got a nested array",
                    "{\"a\":[{\"b\":1}]}              | 1 | 7  | /a/0        | expected a boolean, number or string, got a nested object",
                    "{\"a\":[1e400]}                  | 1 | 7  | /a/0        | number 1e400 is beyond the range of a double",
                    "{\"a\":[NaN]}                    | 1 | 10 | /a/0        | Non-standard token 'NaN'",
                    "{\"\":[1]}                       | 1 | 2  | /           | expected a section name, got an empty one",
                    "{\"a\":{\"\":1}}                 | 1 | 7  | /a/         | expected a key in section \"a\", got an empty one",
                })
        void rejectsWhatNoSensorLineCouldGiveWithItsLocation(
                String document, int line, int column, String pointer, String reason) {
            assertThatThrownBy(() -> json.readAll(document)).isInstanceOfSatisfying(LineFormatException.class, e -> {
                assertThat(e.reason()).startsWith(reason);
                assertThat(e.line()).isEqualTo(line);
                assertThat(e.column()).isEqualTo(column);
                assertThat(e.jsonPointer()).isEqualTo(pointer);
            });
        }

        @Test
        void namesTheSectionAndKeyAtFaultAndTheLineOfTheJsonText() {
            assertThatThrownBy(() -> json.read("{\"Power\": {\n  \"Active\": 1,\n  \"Reactive\": [2]\n}}"))
                    .isInstanceOfSatisfying(LineFormatException.class, e -> {
                        assertThat(e)
                                .hasMessage(
                                        "line 3, column 15 (at /Power/Reactive): expected a boolean, number or string, got a nested array");
                        assertThat(e.section()).isEqualTo("Power");
                        assertThat(e.key()).isEqualTo("Reactive");
                    });
        }

        @Test
        void findsADuplicateSectionAmongFewOrManySections() {
            for (int sections : new int[] {1, 15, 16, 17, 40}) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < sections; i++) {
                    line.append(i == 0 ? "" : "; ")
                            .append('S')
                            .append(i)
                            .append(": ")
                            .append(i);
                }
                String written = json.write(parser.parse(line));
                assertThat(json.read(written)).isEqualTo(parser.parse(line));
                for (int duplicate : new int[] {0, sections - 1}) {
                    String document = written.replace("}", ",\"S" + duplicate + "\":[1]}");
                    assertThatThrownBy(() -> json.read(document))
                            .isInstanceOfSatisfying(
                                    LineFormatException.class,
                                    e -> assertThat(e.reason()).isEqualTo("duplicate section \"S" + duplicate + "\""));
                }
            }
        }

        @Test
        void readRejectsAnArray() {
            assertThatThrownBy(() -> json.read("[{\"Foo\":[1]}]"))
                    .isInstanceOf(LineFormatException.class)
                    .hasMessage("line 1, column 1: expected a JSON object (one sensor line)");
        }
    }
}
