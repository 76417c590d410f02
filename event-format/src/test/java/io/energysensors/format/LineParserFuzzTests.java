package io.energysensors.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.energysensors.format.json.LineJson;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing (plain loops: jqwik is not used here). Whatever the input, the parser
 * either returns a line whose JSON form reads back to the same line, or throws a
 * LineFormatException whose column lies within the input; nothing else escapes.
 */
class LineParserFuzzTests {

    private static final int MUTATED_LINES = 100_000;
    private static final int RANDOM_LINES = 10_000;
    private static final int MUTATED_JSON = 20_000;
    private static final int NUMBER_LIKE_VALUES = 50_000;
    private static final String[] TOKENS = {
        ";",
        ":",
        "=",
        ",",
        ".",
        " ",
        "\t",
        "\n",
        "\r",
        "\r\n",
        "\u0000",
        "\u007f",
        "\u0085",
        "\uD800",
        "\uDC00",
        "\uD83D\uDE00",
        "\u00e9",
        "\u0663",
        "\u00a0",
        "e",
        "E",
        "-",
        "+",
        "W",
        "var",
        "VA",
        "rad",
        "A",
        "Hz",
        "on",
        "OFF",
        "nan",
        "1e400",
        "1e-400",
        "0",
        "9",
        "99999999999999999999",
        "2016-10-4 16:47:50",
        "T",
        "Z",
        "+02:00",
        "Tue, 04 Oct 2016 16:47:50 GMT",
        "Foo:",
        "a=1;",
        "\"",
        "\\",
        "{",
        "[",
    };
    private static final String ALPHABET = ";:=,. \t-+0123456789eEWAVaroOnfTZ\u00e9";

    private final LineParser parser = new LineParser();
    private final LineJson json = new LineJson();
    private final List<String> failures = new ArrayList<>();

    @Test
    void mutatedSampleLinesParseOrFailWithAColumnInsideTheLine() {
        Random random = new Random(0x5EED_2016L);
        List<String> seeds = new ArrayList<>(SampleFiles.linesWithBreaks(SampleFiles.SAMPLE));
        seeds.addAll(List.of(
                "Foo: a=b=c; Bar: 1;;2",
                "UTC Time: 2016-10-4 16:47:50; hz: 49.87Hz",
                "Foo: 1; 2: 3",
                "Line: Phase=-43,841rad; Current=7.35A",
                "Foo: on; OFF; 1e3; .5; 5.; -0.0"));
        for (int i = 0; i < MUTATED_LINES; i++) {
            StringBuilder line = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                mutate(line, random);
            }
            check(line.toString());
        }
        for (int i = 0; i < RANDOM_LINES; i++) {
            StringBuilder line = new StringBuilder();
            int length = random.nextInt(40);
            for (int c = 0; c < length; c++) {
                line.append(
                        random.nextInt(4) == 0
                                ? TOKENS[random.nextInt(TOKENS.length)]
                                : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            check(line.toString());
        }
        assertThat(failures).isEmpty();
    }

    /**
     * The parser reads a value that is a number in one go, without scanning for its end first;
     * that shortcut must type every value exactly as typing the whole value does, in a list (first
     * or later element) and as a key's value.
     */
    @Test
    void typesNumberLikeValuesInALineAsOnTheirOwn() {
        Random random = new Random(0x7E57_1753L);
        String[] pieces = {
            "0", "1", "5", "9", "-", "+", ".", ",", "e", "E", "W", "var", "VA", "V", "rad", "A", "Hz", "x", " ", "\t"
        };
        for (int i = 0; i < NUMBER_LIKE_VALUES; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int p = 0; p < length; p++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String value = text.toString();
            if (value.isBlank()) {
                continue;
            }
            Value alone = parser.parseValue(value);
            List<Value> inLines =
                    new ArrayList<>(((Section.ListSection) parser.parse("L: " + value + ";" + value + "; 1")
                                    .sections()
                                    .get(0))
                            .elements()
                            .subList(0, 2));
            inLines.add(((Section.ListSection)
                            parser.parse("L: 1;" + value).sections().get(0))
                    .elements()
                    .get(1));
            inLines.addAll(((Section.KeyValueSection) parser.parse("K: k=" + value + ";j=" + value)
                            .sections()
                            .get(0))
                    .entries()
                    .values());
            if (!inLines.stream().allMatch(alone::equals)) {
                fail(value, "typed " + inLines + " in lines but " + alone + " alone");
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void mutatedJsonFormsReadOrFailWithALineFormatException() {
        Random random = new Random(0x7A50_2016L);
        List<String> seeds = new ArrayList<>();
        for (String line : SampleFiles.linesWithBreaks(SampleFiles.SAMPLE).subList(0, 50)) {
            seeds.add(json.write(parser.parse(line)));
        }
        for (int i = 0; i < MUTATED_JSON; i++) {
            StringBuilder document = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutate(document, random);
            }
            try {
                json.readAll(document.toString());
            } catch (LineFormatException expected) {
                if (expected.line() < 1 || expected.column() < 1) {
                    fail(document.toString(), "no location: " + expected.getMessage());
                }
            } catch (RuntimeException | StackOverflowError e) {
                fail(document.toString(), e.toString());
            }
        }
        assertThat(failures).isEmpty();
    }

    private void check(String line) {
        SensorLine parsed;
        try {
            parsed = parser.parse(line);
        } catch (LineFormatException e) {
            int column = e.column();
            if (column < 1
                    || column > line.length() + 1
                    || !e.getMessage().equals("column " + column + ": " + e.reason())
                    || e.reason().isEmpty()) {
                fail(line, "bad error: " + e.getMessage());
            }
            return;
        } catch (RuntimeException | StackOverflowError e) {
            fail(line, e.toString());
            return;
        }
        try {
            SensorLine read = json.read(json.write(parsed));
            if (!read.equals(parsed)) {
                fail(line, "JSON round trip gave " + read + " for " + parsed);
            }
        } catch (RuntimeException e) {
            fail(line, "JSON round trip threw " + e);
        }
    }

    private static void mutate(StringBuilder text, Random random) {
        int length = text.length();
        int at = length == 0 ? 0 : random.nextInt(length);
        switch (random.nextInt(7)) {
            case 0 -> text.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
            case 1 -> text.insert(at, (char) random.nextInt(0x3000));
            case 2 -> {
                if (length > 0) {
                    text.deleteCharAt(at);
                }
            }
            case 3 -> {
                if (at + 1 < length) {
                    char c = text.charAt(at);
                    text.setCharAt(at, text.charAt(at + 1));
                    text.setCharAt(at + 1, c);
                }
            }
            case 4 -> {
                if (length > 0) {
                    text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            case 5 -> text.setLength(at);
            default -> {
                int end = Math.min(length, at + random.nextInt(30));
                text.insert(random.nextInt(length + 1), text.substring(at, end));
            }
        }
    }

    private void fail(String input, String problem) {
        if (failures.size() < 20) {
            failures.add(escape(input) + " => " + problem);
        }
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c >= 0x7f) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
