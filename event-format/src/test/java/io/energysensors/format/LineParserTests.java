package io.energysensors.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.energysensors.format.Section.KeyValueSection;
import io.energysensors.format.Section.ListSection;
import io.energysensors.format.Value.BigIntegerValue;
import io.energysensors.format.Value.BooleanValue;
import io.energysensors.format.Value.DecimalValue;
import io.energysensors.format.Value.IntegerValue;
import io.energysensors.format.Value.TextValue;
import io.energysensors.format.Value.TimestampValue;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/format.md rule by rule: the grammar, the typing of values, date-times, and the errors. */
class LineParserTests {

    private final LineParser parser = new LineParser();

    private Value only(String value) {
        Section section = parser.parse("X: " + value).sections().get(0);
        assertThat(section).isInstanceOf(ListSection.class);
        assertThat(((ListSection) section).elements()).hasSize(1);
        return ((ListSection) section).elements().get(0);
    }

    private LineFormatException rejection(String line) {
        try {
            parser.parse(line);
        } catch (LineFormatException e) {
            return e;
        }
        throw new AssertionError("expected a LineFormatException for " + line);
    }

    @Nested
    class Grammar {

        @Test
        void keepsSectionsAndKeysInTheOrderSent() {
            SensorLine line = parser.parse("B: z=1; a=2; A: 3; 1; C: y=x");
            assertThat(line.sections()).extracting(Section::name).containsExactly("B", "A", "C");
            assertThat(((KeyValueSection) line.sections().get(0)).entries())
                    .containsExactly(Map.entry("z", new IntegerValue(1)), Map.entry("a", new IntegerValue(2)));
            Map<String, Value> entries = ((KeyValueSection) line.sections().get(0)).entries();
            assertThat(entries.get("a")).isEqualTo(new IntegerValue(2));
            assertThat(entries.get("y")).isNull();
            assertThat(entries.containsKey("z")).isTrue();
            assertThat(entries).hasSize(2).isEqualTo(Map.of("a", new IntegerValue(2), "z", new IntegerValue(1)));
            assertThat(((ListSection) line.sections().get(1)).elements())
                    .containsExactly(new IntegerValue(3), new IntegerValue(1));
            assertThat(((KeyValueSection) line.sections().get(2)).entries()).isEqualTo(Map.of("y", new TextValue("x")));
            assertThat(line.section("C")).containsInstanceOf(KeyValueSection.class);
        }

        @Test
        void trimsSpacesAndTabsAroundNamesKeysAndValues() {
            SensorLine line = parser.parse(" \tWiFi Strength \t: \t-62 \t; Power :  Active \t=\t 1753W  ;");
            assertThat(line.sections()).extracting(Section::name).containsExactly("WiFi Strength", "Power");
            assertThat(line.section("Power").orElseThrow())
                    .isEqualTo(new KeyValueSection("Power", Map.of("Active", new IntegerValue(1753))));
        }

        @Test
        void letsOnlyTheFirstListElementHoldAColon() {
            // "16:47:50" is inside the first element; "hz" is followed by ':' after one element, so it names a section.
            SensorLine line = parser.parse("UTC Time: 2016-10-4 16:47:50; hz: 49.87");
            assertThat(line.sections()).extracting(Section::name).containsExactly("UTC Time", "hz");
            assertThat(parser.parse("Note: a:b:c; d").section("Note").orElseThrow())
                    .isEqualTo(new ListSection("Note", List.of(new TextValue("a:b:c"), new TextValue("d"))));
        }

        @Test
        void endsAKeyValueSectionAtAnItemThatReachesAColon() {
            SensorLine line = parser.parse("Foo: a=1; b=2; Bar: 3");
            assertThat(line.sections())
                    .containsExactly(
                            new KeyValueSection("Foo", Map.of("a", new IntegerValue(1), "b", new IntegerValue(2))),
                            new ListSection("Bar", List.of(new IntegerValue(3))));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {"Foo: 1; 2", "Foo: 1; 2;", "Foo: 1; 2; ", "Foo: 1; 2;\t\n", "Foo: 1; 2;\r\n", "Foo: 1;2\n"})
        void treatsTheLastSemicolonAndOneLineBreakAsOptional(String line) {
            assertThat(parser.parse(line))
                    .isEqualTo(new SensorLine(
                            List.of(new ListSection("Foo", List.of(new IntegerValue(1), new IntegerValue(2))))));
        }

        @Test
        void readsAValueAtTheEndOfTheLineWithoutItsSemicolon() {
            assertThat(parser.parse("Foo: a=1; b=").section("Foo").orElseThrow())
                    .isEqualTo(new KeyValueSection("Foo", Map.of("a", new IntegerValue(1), "b", new TextValue(""))));
        }

        @Test
        void keepsASingleEmptyElement() {
            assertThat(parser.parse("Foo: ;").section("Foo").orElseThrow())
                    .isEqualTo(new ListSection("Foo", List.of(new TextValue(""))));
        }

        @Test
        void acceptsAnyCharSequence() {
            assertThat(parser.parse(new StringBuilder("Foo: 1"))).isEqualTo(parser.parse("Foo: 1"));
        }

        @Test
        void keepsUnicodeTextIncludingSupplementaryCharacters() {
            assertThat(only("Zürich \uD83D\uDE00 \u00a05")).isEqualTo(new TextValue("Zürich \uD83D\uDE00 \u00a05"));
        }

        @Test
        void returnsAnUnmodifiableTree() {
            SensorLine line = parser.parse("Foo: a=1; Bar: 2");
            assertThatThrownBy(() -> line.sections().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() ->
                            ((KeyValueSection) line.sections().get(0)).entries().clear())
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() ->
                            ((ListSection) line.sections().get(1)).elements().clear())
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void showsEachSectionOnlyItsOwnEntries() {
            SensorLine line = parser.parse("A: 1; 2; B: k=3; C: 4");
            List<Value> first = ((ListSection) line.sections().get(0)).elements();
            Map<String, Value> second = ((KeyValueSection) line.sections().get(1)).entries();
            assertThatThrownBy(() -> first.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> first.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(second).containsExactly(Map.entry("k", new IntegerValue(3)));
            assertThat(second.get("C")).isNull();
            assertThat(line.sections().get(2)).isEqualTo(new ListSection("C", List.of(new IntegerValue(4))));
            assertThatThrownBy(() -> line.sections().get(3)).isInstanceOf(IndexOutOfBoundsException.class);
        }

        @Test
        void startsEachLineAfreshEvenAfterAnError() {
            assertThat(rejection("A: 1; B: x=1; C: 2; 3; A: 2").reason()).isEqualTo("duplicate section \"A\"");
            assertThat(parser.parse("A: 1"))
                    .isEqualTo(new SensorLine(List.of(new ListSection("A", List.of(new IntegerValue(1))))));
            parser.parse("B: 2; C: 3");
            assertThat(parser.parse("C: 4; B: 5").sections())
                    .extracting(Section::name)
                    .containsExactly("C", "B");
        }

        @Test
        void readsNamesThatDifferFromTheLastLinesAtTheSamePlace() {
            IntegerValue one = new IntegerValue(1);
            IntegerValue two = new IntegerValue(2);
            assertThat(parser.parse("Power: Active=1; Reactive=2").sections())
                    .containsExactly(new KeyValueSection("Power", Map.of("Active", one, "Reactive", two)));
            assertThat(parser.parse("Power: Active =1; ReactiveX=2").sections())
                    .containsExactly(new KeyValueSection("Power", Map.of("Active", one, "ReactiveX", two)));
            assertThat(parser.parse("Power: Activ=1; Reactive=2").sections())
                    .containsExactly(new KeyValueSection("Power", Map.of("Activ", one, "Reactive", two)));
            assertThat(parser.parse("Power: 1; Active: 2").sections())
                    .containsExactly(new ListSection("Power", List.of(one)), new ListSection("Active", List.of(two)));
            assertThat(parser.parse("Power: Active:1; Reactive: 2").sections())
                    .containsExactly(
                            new ListSection("Power", List.of(new TextValue("Active:1"))),
                            new ListSection("Reactive", List.of(two)));
            assertThat(rejection("Power: 1; Active=2").reason()).startsWith("unexpected '='");
        }

        @Test
        void parsesOnManyThreadsAtOnce() throws Exception {
            List<String> lines = SampleFiles.linesWithBreaks(SampleFiles.SAMPLE);
            List<SensorLine> expected = lines.stream().map(parser::parse).toList();
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<SensorLine>>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    results.add(threads.submit(
                            () -> lines.stream().map(parser::parse).toList()));
                }
                for (Future<List<SensorLine>> result : results) {
                    assertThat(result.get(1, TimeUnit.MINUTES)).isEqualTo(expected);
                }
            } finally {
                threads.shutdownNow();
            }
        }

        @Test
        void parsesLinesLongerThanItsReusedBuffer() {
            String longLine = "Samples: " + "12345;".repeat(3000);
            assertThat(longLine.length()).isGreaterThan(16 * 1024);
            assertThat(((ListSection) parser.parse(longLine).sections().get(0)).elements())
                    .hasSize(3000)
                    .allMatch(new IntegerValue(12345)::equals);
            assertThat(parser.parse("Foo: 1"))
                    .isEqualTo(new SensorLine(List.of(new ListSection("Foo", List.of(new IntegerValue(1))))));
        }

        @Test
        void keepsManyKeysInOrderAndFindsADuplicateAmongThem() {
            StringBuilder line = new StringBuilder("Many: ");
            for (int i = 0; i < 40; i++) {
                line.append('k').append(i).append('=').append(i).append("; ");
            }
            Map<String, Value> entries =
                    ((KeyValueSection) parser.parse(line).sections().get(0)).entries();
            assertThat(entries).hasSize(40).containsEntry("k39", new IntegerValue(39));
            assertThat(entries.keySet()).startsWith("k0", "k1", "k2").endsWith("k38", "k39");
            line.append("k23=1");
            assertThat(rejection(line.toString()).reason()).isEqualTo("duplicate key \"k23\" in section \"Many\"");
        }

        @Test
        void findsADuplicateSectionAmongMany() {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                line.append('S').append(i).append(": ").append(i).append("; ");
            }
            assertThat(parser.parse(line).sections()).hasSize(40);
            line.append("S7: 1");
            assertThat(rejection(line.toString()).getMessage()).endsWith("duplicate section \"S7\"");
        }
    }

    @Nested
    class Values {

        @ParameterizedTest
        @CsvSource({"on, true", "ON, true", "oN, true", "off, false", "OFF, false", "oFf, false"})
        void readsOnAndOffInAnyCaseAsBooleans(String text, boolean expected) {
            assertThat(only(text)).isEqualTo(new BooleanValue(expected));
        }

        @ParameterizedTest
        @CsvSource({
            "1753W, 1753",
            "1753w, 1753",
            "279var, 279",
            "279VAR, 279",
            "279Var, 279",
            "403VA, 403",
            "403va, 403",
            "230V, 230",
            "230v, 230",
            "-43rad, -43",
            "-43RAD, -43",
            "7A, 7",
            "7a, 7",
            "50Hz, 50",
            "50hz, 50",
            "50HZ, 50",
            "+5, 5",
            "-62, -62",
            "007, 7",
            "-0, 0",
            "9223372036854775807, 9223372036854775807",
            "-9223372036854775808, -9223372036854775808",
        })
        void readsIntegersWithOptionalSignAndUnit(String text, long expected) {
            assertThat(only(text)).isEqualTo(new IntegerValue(expected));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "9223372036854775808",
                    "-9223372036854775809",
                    "99999999999999999999W",
                    "+123456789012345678901234567890"
                })
        void keepsIntegersBeyond64BitsExact(String text) {
            assertThat(only(text)).isEqualTo(new BigIntegerValue(new BigInteger(text.replace("W", ""))));
        }

        @Test
        void leavesIntegersOfMoreThanAThousandDigitsAsText() {
            String thousand = "9".repeat(1000);
            assertThat(only(thousand)).isEqualTo(new BigIntegerValue(new BigInteger(thousand)));
            assertThat(only("000" + thousand)).isEqualTo(new BigIntegerValue(new BigInteger(thousand)));
            assertThat(only(thousand + "9")).isEqualTo(new TextValue(thousand + "9"));
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "230.08V | 230.08",
                    "-43,841rad | -43.841",
                    "7.35A | 7.35",
                    "49.87Hz | 49.87",
                    "5. | 5.0",
                    "5, | 5.0",
                    ".5 | 0.5",
                    ",5 | 0.5",
                    "-.5 | -0.5",
                    "+1.5e-3 | 0.0015",
                    "1E+2 | 100.0",
                    "1e3W | 1000.0",
                    "1,5e3var | 1500.0",
                    "7.311999799999999 | 7.311999799999999",
                    "0.30000000000000004 | 0.30000000000000004",
                    "123456789012345678901234567890.5 | 1.2345678901234568E29",
                    "1e-400 | 0.0",
                    "4.9e-324 | 4.9E-324",
                    "1.7976931348623157e308 | 1.7976931348623157E308",
                    "0.000000000000000000000000000001e30 | 1.0",
                })
        void readsDecimalsWithDotOrCommaExponentAndUnit(String text, double expected) {
            assertThat(only(text)).isEqualTo(new DecimalValue(expected));
        }

        @Test
        void typesASingleValueAsParseDoes() {
            assertThat(parser.parseValue(" \t1753W\t ")).isEqualTo(new IntegerValue(1753));
            assertThat(parser.parseValue("2016-10-4 16:47:50"))
                    .isEqualTo(new TimestampValue(Instant.parse("2016-10-04T16:47:50Z")));
            assertThat(parser.parseValue("a;b:c=\u0000")).isEqualTo(new TextValue("a;b:c=\u0000"));
            assertThat(parser.parseValue("  ")).isEqualTo(new TextValue(""));
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "00000000000000000000012 | 12",
                    "-0000000000000000000009223372036854775808 | -9223372036854775808",
                    "1000000000000000000 | 1000000000000000000",
                })
        void readsIntegersOfManyDigitsThatFit64Bits(String text, long expected) {
            assertThat(only(text)).isEqualTo(new IntegerValue(expected));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "0.0000000000000000001",
                    "1,23456789012345678901",
                    "12345678901234567890123e-3",
                    "-0,000000000000000000000000000000000000001"
                })
        void readsDecimalsOfManyDigitsExactly(String text) {
            assertThat(only(text)).isEqualTo(new DecimalValue(Double.parseDouble(text.replace(',', '.'))));
        }

        @Test
        void keepsTheSignOfNegativeZero() {
            assertThat(only("-0.0")).isEqualTo(new DecimalValue(-0.0));
            assertThat(only("0.0")).isEqualTo(new DecimalValue(0.0));
        }

        /**
         * The in-place reading must round exactly as the JDK does, on the fast path (up to 2^53
         * and 10^22) as on the slow one: random digits, separators and exponents, seeded.
         */
        @Test
        void roundsDecimalsExactlyAsTheJdk() {
            Random random = new Random(20161004);
            List<String> misread = new ArrayList<>();
            for (int i = 0; i < 100_000; i++) {
                String whole = digits(random, random.nextInt(12));
                String fraction = digits(random, whole.isEmpty() ? 1 + random.nextInt(20) : random.nextInt(20));
                String text = whole
                        + (random.nextBoolean() ? "." : ",")
                        + fraction
                        + (random.nextInt(3) == 0 ? "e" + (random.nextInt(80) - 40) : "");
                Value expected = new DecimalValue(Double.parseDouble(text.replace(',', '.')));
                Value actual = parser.parseValue(text);
                if (!actual.equals(expected)) {
                    misread.add(text + " -> " + actual + ", not " + expected);
                }
            }
            assertThat(misread).isEmpty();
        }

        private String digits(Random random, int count) {
            StringBuilder digits = new StringBuilder(count);
            for (int i = 0; i < count; i++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            return digits.toString();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "true",
                    "false",
                    "yes",
                    "onn",
                    "o",
                    "nan",
                    "NaN",
                    "inf",
                    "-Infinity",
                    "1e400",
                    "-1e400",
                    "1.8e308",
                    "1_000",
                    "1_0.5",
                    "\u0663\u0664",
                    "0x10",
                    "1.2.3",
                    "1,234,567",
                    "1.5,3",
                    "--5",
                    "+-5",
                    "+",
                    "-",
                    ".",
                    ",",
                    "e5",
                    "1e",
                    "1e+",
                    "5 W",
                    "5WW",
                    "5kW",
                    "5Wh",
                    "W5",
                    "1|5",
                    "12:30",
                    "2016",
                    "2016-10-04",
                })
        void leavesEverythingElseAsText(String text) {
            Value value = only(text);
            if (text.equals("2016")) {
                assertThat(value).isEqualTo(new IntegerValue(2016));
            } else {
                assertThat(value).isEqualTo(new TextValue(text));
            }
        }
    }

    @Nested
    class DateTimes {

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "2016-10-4 16:47:50 | 2016-10-04T16:47:50Z",
                    "2016-1-4T6:47:50 | 2016-01-04T06:47:50Z",
                    "2016-10-04T16:47:50Z | 2016-10-04T16:47:50Z",
                    "2016-10-04 16:47 | 2016-10-04T16:47:00Z",
                    "2016-10-04T16:47:50.5 | 2016-10-04T16:47:50.500Z",
                    "2016-10-04T16:47:50.123456789Z | 2016-10-04T16:47:50.123456789Z",
                    "2016-10-04T16:47:50+02:00 | 2016-10-04T14:47:50Z",
                    "2016-10-04T16:47:50-0530 | 2016-10-04T22:17:50Z",
                    "2016-10-04T16:47:50+02 | 2016-10-04T14:47:50Z",
                    "2016-10-04T00:00:00+18:00 | 2016-10-03T06:00:00Z",
                    "2016-02-29 12:00 | 2016-02-29T12:00:00Z",
                    "2000-02-29 12:00 | 2000-02-29T12:00:00Z",
                    "0000-01-01T00:00:00Z | 0000-01-01T00:00:00Z",
                    "9999-12-31T23:59:59.999999999Z | 9999-12-31T23:59:59.999999999Z",
                    "Tue, 04 Oct 2016 16:47:50 GMT | 2016-10-04T16:47:50Z",
                    "tue, 4 oct 2016 16:47:50 gmt | 2016-10-04T16:47:50Z",
                    "04 Oct 2016 16:47 GMT | 2016-10-04T16:47:00Z",
                    "Tue, 04 Oct 2016 16:47:50 +0200 | 2016-10-04T14:47:50Z",
                    "Mon, 29 Feb 2016 23:59:59 -0100 | 2016-03-01T00:59:59Z",
                })
        void readsUnambiguousDateTimesAsUtcInstants(String text, String instant) {
            assertThat(only(text)).isEqualTo(new TimestampValue(Instant.parse(instant)));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "2016-10-04",
                    "16:47",
                    "16:47:50",
                    "October",
                    "04/10/2016",
                    "2016-13-45 10:00",
                    "2016-00-10 10:00",
                    "2016-10-00 10:00",
                    "2015-02-29 12:00",
                    "1900-02-29 12:00",
                    "2016-04-31 12:00",
                    "2016-10-04 24:00",
                    "2016-10-04 23:60",
                    "2016-10-04 23:59:60",
                    "2016-10-04T16:47:50.1234567891",
                    "2016-10-04T16:47:50.",
                    "2016-10-04T16:47:50+19:00",
                    "2016-10-04T16:47:50+02:60",
                    "2016-10-04T16:47:50+2",
                    "2016-10-04  16:47",
                    "2016-10-04t16:47",
                    "2016-10-04T16:47:50z",
                    "2016-10-04T16:47:50Zx",
                    "2016-10-04T16:4",
                    "20160-10-04T16:47",
                    "016-10-04T16:47:50",
                    "2016-100-4 16:47",
                    "2016-10-004 16:47",
                    "2016-10-04T167:00",
                    "0000-01-01T00:00:00+01:00",
                    "9999-12-31T23:30:00-01:00",
                    "Wed, 04 Oct 2016 16:47:50 GMT",
                    "Tue, 04 Oct 2016 16:47:50",
                    "Tue, 04 Oct 2016 16:47:50 UTC",
                    "Tue, 04 Foo 2016 16:47:50 GMT",
                    "Tue 04 Oct 2016 16:47:50 GMT",
                    "Tue, 04 Oct 16 16:47:50 GMT",
                    "Tue, 04 Oct 2016 6:47:50 GMT",
                    "Tue, 04 Oct 2016 16:47:50 +02",
                    "Tuesday, 04 Oct 2016 16:47:50 GMT",
                    "Tue, 31 Sep 2016 16:47:50 GMT",
                })
        void leavesAmbiguousOrInvalidDateTimesAsText(String text) {
            assertThat(only(text)).isEqualTo(new TextValue(text));
        }
    }

    @Nested
    class Errors {

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "'   '                  | 4  | expected a section (\"Name: ...\"), got an empty line",
                    "'; Foo: 1'             | 1  | expected a section (\"Name: ...\") before ';'",
                    "'=1'                   | 1  | expected a section (\"Name: ...\") before '='",
                    "': 1'                  | 1  | expected a section name before ':'",
                    "'Foo: 1; : 2'          | 9  | expected a section name before ':'",
                    "'Foo:   '              | 8  | section \"Foo\" is empty: expected key=value pairs or a list of values",
                    "'Foo: a=1;; b=2'       | 10 | expected key=value in section \"Foo\", got an empty entry",
                    "'Foo: a=1; ; b=2'      | 11 | expected key=value in section \"Foo\", got an empty entry",
                    "'Foo: a=1; b'          | 12 | expected '=' after key \"b\" in section \"Foo\"",
                    "'Foo: a=1; b c ;'      | 15 | expected '=' after key \"b c\" in section \"Foo\"",
                    "'Foo: a=1; =2'         | 11 | expected a key before '=' in section \"Foo\"",
                    "'Foo: a=1; a =2'       | 11 | duplicate key \"a\" in section \"Foo\"",
                    "'Foo: a=12:30'         | 10 | expected ';' or the end of the line after the value of key \"a\" (a value cannot contain ':')",
                    "'Foo: 12:30=5'         | 11 | unexpected '=' in list section \"Foo\": a section holds either key=value pairs or a list of values",
                    "'Foo: 1; a=2'          | 10 | unexpected '=' in list section \"Foo\": a section holds either key=value pairs or a list of values",
                    "'Foo: 1; Bar: 2; Foo: 3' | 17 | duplicate section \"Foo\"",
                })
        void saysWhatWasExpectedAndAtWhichColumn(String line, int column, String reason) {
            LineFormatException e = rejection(line);
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.column()).isEqualTo(column);
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.jsonPointer()).isNull();
            assertThat(e).hasMessage("column " + column + ": " + reason);
        }

        @Test
        void namesTheSectionAndKeyAtFault() {
            LineFormatException e = rejection("Device: ID=1; Power: Active=1753W Reactive: 279");
            assertThat(e.section()).isEqualTo("Power");
            assertThat(e.key()).isEqualTo("Active");
            assertThat(e.column()).isEqualTo(43);
            LineFormatException missingEquals = rejection("Power: Active=1753W; Reactive");
            assertThat(missingEquals).hasMessage("column 30: expected '=' after key \"Reactive\" in section \"Power\"");
            assertThat(missingEquals.section()).isEqualTo("Power");
            assertThat(missingEquals.key()).isEqualTo("Reactive");
            assertThat(rejection("Foo: 1; Foo: 2").section()).isEqualTo("Foo");
            assertThat(rejection("hello").section()).isNull();
        }

        @Test
        void countsColumnsInCodePoints() {
            // The emoji is two chars but one column, as an editor shows it: '=' is the 10th character.
            assertThat(rejection("Foo: \uD83D\uDE00; x=1").column()).isEqualTo(10);
        }

        @ParameterizedTest(name = "U+{1}")
        @CsvSource({
            "'Foo: a\u0000b', 0000, 7",
            "'Foo: a\u0007b', 0007, 7",
            "'Foo: a\u007fb', 007F, 7",
            "'Foo: a\u0085b', 0085, 7",
            "'Foo: a\u001bb', 001B, 7",
            "'\u0000Foo: 1', 0000, 1",
        })
        void rejectsControlCharacters(String line, String code, int column) {
            LineFormatException e = rejection(line);
            assertThat(e.reason()).isEqualTo("unexpected control character U+" + code);
            assertThat(e.column()).isEqualTo(column);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Foo: 1\n2", "Foo: 1\n\n", "Foo: 1\r", "Foo: 1\r\r\n", "Foo: a=1\rb=2", "\nFoo: 1"})
        void rejectsLineBreaksInsideTheLine(String line) {
            assertThat(rejection(line).reason())
                    .isEqualTo("unexpected line break inside the line (one event per line)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Foo: \uD800", "Foo: \uDC00x", "Foo: x\uDBFF\n", "\uDE00Foo: 1", "Foo\uD83D: 1"})
        void rejectsUnpairedSurrogates(String line) {
            assertThat(rejection(line).reason()).startsWith("unexpected unpaired surrogate U+");
        }
    }
}
