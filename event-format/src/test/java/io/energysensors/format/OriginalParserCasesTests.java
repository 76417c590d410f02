package io.energysensors.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import io.energysensors.format.json.LineJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every edge case of res/reference/original_parser_cases.md, numbered as there. Where we agree
 * with the original the expected JSON is the original's (date-times gain their Z); where
 * docs/format.md says FIX, or where the original left the choice open, the comment says why we differ.
 */
class OriginalParserCasesTests {

    private final LineParser parser = new LineParser();
    private final LineJson json = new LineJson();

    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments("5", "Foo: 1; 2; 3;", "{\"Foo\":[1,2,3]}"),
                arguments("6", "Foo: Bar=Baz;", "{\"Foo\":{\"Bar\":\"Baz\"}}"),
                arguments("8", "Foo: Bar=A; Baz: Attr=B;", "{\"Foo\":{\"Bar\":\"A\"},\"Baz\":{\"Attr\":\"B\"}}"),
                arguments(
                        "9",
                        "Foo: A; B; C; Bar: X; Y; Z;",
                        "{\"Foo\":[\"A\",\"B\",\"C\"],\"Bar\":[\"X\",\"Y\",\"Z\"]}"),
                arguments("10", "Datetime: 2016-10-4 16:47:50;", "{\"Datetime\":[\"2016-10-04T16:47:50Z\"]}"),
                arguments("11", "Foo: A; B", "{\"Foo\":[\"A\",\"B\"]}"),
                arguments("12", "Foo: A=0; B=1", "{\"Foo\":{\"A\":0,\"B\":1}}"),
                arguments("14", "Line: Phase=-43,841rad;", "{\"Line\":{\"Phase\":-43.841}}"),
                arguments("15", "Line: Phase=-43,841;", "{\"Line\":{\"Phase\":-43.841}}"),
                arguments(
                        "16",
                        "Power: Active=1753W; Reactive=279var; Appearent=403VA;",
                        "{\"Power\":{\"Active\":1753,\"Reactive\":279,\"Appearent\":403}}"),
                arguments(
                        "17",
                        "Power: Active=1753w; Reactive=279VAR; Appearent=403va;",
                        "{\"Power\":{\"Active\":1753,\"Reactive\":279,\"Appearent\":403}}"),
                arguments("18", "Line: Voltage=230.08V;", "{\"Line\":{\"Voltage\":230.08}}"),
                // FIX: A is a unit; the original made it today's date at 07:00.
                arguments("19", "Line: Current=7.35A;", "{\"Line\":{\"Current\":7.35}}"),
                // FIX: Hz is a unit.
                arguments("20", "hz: 49.87Hz", "{\"hz\":[49.87]}"),
                arguments("21", "Foo: 5.;", "{\"Foo\":[5.0]}"),
                arguments("22", "Foo: .5;", "{\"Foo\":[0.5]}"),
                arguments("23", "Foo: +5; -62; +5W", "{\"Foo\":[5,-62,5]}"),
                arguments("24", "Foo: 1e3; 1E-2", "{\"Foo\":[1000.0,0.01]}"),
                // FIX: not a number, and not a date-time (the original made it year 234, today's day).
                arguments("25", "Foo: 1,234,567", "{\"Foo\":[\"1,234,567\"]}"),
                arguments("26", "Foo: 1|5; 1|5W", "{\"Foo\":[\"1|5\",\"1|5W\"]}"),
                // Our choice: Python's digit separators are not how a sensor writes a number; text.
                arguments("27", "Foo: 1_000; 1_0.5", "{\"Foo\":[\"1_000\",\"1_0.5\"]}"),
                // FIX: non-finite numbers cannot be stored or put in JSON; text.
                arguments(
                        "28", "Foo: nan; inf; -Infinity; 1e400", "{\"Foo\":[\"nan\",\"inf\",\"-Infinity\",\"1e400\"]}"),
                arguments("29", "Foo: 99999999999999999999", "{\"Foo\":[99999999999999999999]}"),
                arguments("30", "Foo: 0x10", "{\"Foo\":[\"0x10\"]}"),
                // Our choice: only ASCII digits make numbers; Arabic-Indic digits stay text.
                arguments("31", "Foo: \u0663\u0664", "{\"Foo\":[\"\u0663\u0664\"]}"),
                arguments("32", "Foo: a= 5 ;", "{\"Foo\":{\"a\":5}}"),
                arguments("33", "Foo: a=1\r\n", "{\"Foo\":{\"a\":1}}"),
                arguments("34", "Foo: 1; 2\n", "{\"Foo\":[1,2]}"),
                arguments("35", "Alarms: CoilRevesed=OFF;", "{\"Alarms\":{\"CoilRevesed\":false}}"),
                arguments("36", "Foo: on; ON; On; off; Off", "{\"Foo\":[true,true,true,false,false]}"),
                arguments("37", "Foo: true; false; yes", "{\"Foo\":[\"true\",\"false\",\"yes\"]}"),
                arguments("38", "Foo: ON=1", "{\"Foo\":{\"ON\":1}}"),
                // docs/format.md: spaces around keys are ignored (the original kept the trailing one).
                arguments("39", "Foo: my key = 5", "{\"Foo\":{\"my key\":5}}"),
                arguments("40", "Foo: a=b=c;", "{\"Foo\":{\"a\":\"b=c\"}}"),
                arguments("43", "Foo: 1; 2: 3", "{\"Foo\":[1],\"2\":[3]}"),
                // Our choice, as the original: an empty value or element is the empty text.
                arguments("47", "Foo: a=;", "{\"Foo\":{\"a\":\"\"}}"),
                arguments("48", "Foo: ;;", "{\"Foo\":[\"\",\"\"]}"),
                arguments("49", "Foo: 1;;2", "{\"Foo\":[1,\"\",2]}"),
                arguments("50", "   Foo   :   1", "{\"Foo\":[1]}"),
                arguments("51", "\tFoo:\t1", "{\"Foo\":[1]}"),
                arguments("56", "UTC Time: 2016-10-4 16:47:50", "{\"UTC Time\":[\"2016-10-04T16:47:50Z\"]}"),
                arguments("57", "UTC Time: 2016-10-04T16:47:50Z", "{\"UTC Time\":[\"2016-10-04T16:47:50Z\"]}"),
                arguments("58", "UTC Time: Tue, 04 Oct 2016 16:47:50 GMT", "{\"UTC Time\":[\"2016-10-04T16:47:50Z\"]}"),
                // FIX: ambiguous day/month, time alone and month alone are not date-times.
                arguments("59", "UTC Time: 04/10/2016", "{\"UTC Time\":[\"04/10/2016\"]}"),
                arguments("60", "UTC Time: 2016-13-45", "{\"UTC Time\":[\"2016-13-45\"]}"),
                arguments("61", "UTC Time: 16:47", "{\"UTC Time\":[\"16:47\"]}"),
                arguments("62", "UTC Time: October", "{\"UTC Time\":[\"October\"]}"),
                // FIX: the original crashed (OverflowError in dateutil); it is text.
                arguments("63", "Foo: 10 99999999999", "{\"Foo\":[\"10 99999999999\"]}"),
                arguments("64", "Foo: 2016", "{\"Foo\":[2016]}"),
                arguments(
                        "65",
                        "Device: ID=1; Fw=16071801; Evt=2; Alarms: CoilRevesed=OFF; Power: Active=1753W; Reactive=279var; "
                                + "Appearent=403VA; Line: Current=7.35900021; Voltage=230.08V; Phase=-43,841rad; Peaks: 7.33199978;"
                                + "7.311999799999999;7.53000021;7.48400021;7.54300022;7.62900019;7.36499977;7.28599977;7.37200022;7.31899977; "
                                + "FFT Re: 9748;46;303;33;52;19;19;39;-455; FFT Img: 2712;6;-792;-59;1386;-19;963;33;462; "
                                + "UTC Time: 2016-10-4 16:47:50; hz: 49.87; WiFi Strength: -62; Dummy: 20\n",
                        "{\"Device\":{\"ID\":1,\"Fw\":16071801,\"Evt\":2},\"Alarms\":{\"CoilRevesed\":false},"
                                + "\"Power\":{\"Active\":1753,\"Reactive\":279,\"Appearent\":403},"
                                + "\"Line\":{\"Current\":7.35900021,\"Voltage\":230.08,\"Phase\":-43.841},"
                                + "\"Peaks\":[7.33199978,7.311999799999999,7.53000021,7.48400021,7.54300022,7.62900019,7.36499977,"
                                + "7.28599977,7.37200022,7.31899977],\"FFT Re\":[9748,46,303,33,52,19,19,39,-455],"
                                + "\"FFT Img\":[2712,6,-792,-59,1386,-19,963,33,462],\"UTC Time\":[\"2016-10-04T16:47:50Z\"],"
                                + "\"hz\":[49.87],\"WiFi Strength\":[-62],\"Dummy\":[20]}"));
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                // FIX (1-3, 52, 55): text with no section is an error, not an empty result.
                arguments("1", "", "column 1: expected a section (\"Name: ...\"), got an empty line"),
                arguments("2", "Dead=Beef", "column 5: expected ':' after section name \"Dead\""),
                arguments("3", "A; B; C;", "column 2: expected ':' after section name \"A\""),
                arguments(
                        "4",
                        "Foo:",
                        "column 5: section \"Foo\" is empty: expected key=value pairs or a list of values"),
                // FIX: the original dropped "B;C;" silently.
                arguments("7", "Foo: Bar=A;B;C;", "column 13: expected '=' after key \"B\" in section \"Foo\""),
                arguments(
                        "13",
                        "Foo: Bar=:",
                        "column 10: expected ';' or the end of the line after the value of key \"Bar\" (a value cannot contain ':')"),
                // FIX (41, 42): the original let the last one win.
                arguments("41", "Foo: a=1; a=2", "column 11: duplicate key \"a\" in section \"Foo\""),
                arguments("42", "Foo: 1; Foo: 2", "column 9: duplicate section \"Foo\""),
                arguments(
                        "44",
                        "Foo: a=1 Bar: b=2",
                        "column 13: expected ';' or the end of the line after the value of key \"a\" (a value cannot contain ':')"),
                arguments(
                        "45",
                        "Foo: a=1; Bar:",
                        "column 15: section \"Bar\" is empty: expected key=value pairs or a list of values"),
                arguments("46", "Foo: =1", "column 6: expected a key before '=' in section \"Foo\""),
                arguments("52", "a;b: 1", "column 2: expected ':' after section name \"a\""),
                // FIX (53, 54): the original dropped the rest of the line.
                arguments(
                        "53",
                        "Foo: 1; 2; Bar=3",
                        "column 15: unexpected '=' in list section \"Foo\": a section holds either key=value pairs or a list of values"),
                arguments("54", "Foo: a=1; 2; 3", "column 12: expected '=' after key \"2\" in section \"Foo\""),
                arguments("55", "hello", "column 6: expected ':' after section name \"hello\""));
    }

    @ParameterizedTest(name = "case {0}: {1}")
    @MethodSource("accepted")
    void parsesAsTheOriginalOrAsFormatMdFixes(String number, String line, String expectedJson) {
        assertThat(json.write(parser.parse(line))).isEqualTo(expectedJson);
    }

    @ParameterizedTest(name = "case {0}: {1}")
    @MethodSource("rejected")
    void rejectsWhatTheOriginalRejectedDroppedOrGuessed(String number, String line, String expectedMessage) {
        assertThatThrownBy(() -> parser.parse(line))
                .isInstanceOf(LineFormatException.class)
                .hasMessage(expectedMessage);
    }
}
