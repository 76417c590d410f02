package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.energysensors.format.LineParser;
import io.energysensors.format.event.SensorEvent;
import io.energysensors.format.event.SensorEventReader;
import io.energysensors.format.json.LineJson;
import io.energysensors.logservice.Samples;
import io.energysensors.web.body.ByteLimit;
import io.energysensors.web.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

/**
 * The rules of POST /log/store that the body alone decides, checked on the reader that decides
 * them: what it returns is what gets stored, what it throws is the answer, nothing of it stored.
 * StoreValidationTests checks over HTTP how such answers become status and problem JSON.
 */
class EventBatchReaderTests {

    private static final ByteLimit LINE_LIMIT = new ByteLimit(64 * 1024, "energy-sensors.ingest.max-line-bytes");

    /** The first sample line, written out: {@code Device: ID=1; Fw=16071801; Evt=2; ...}. */
    private static final String LINE = Samples.lines().get(0);

    private static final IngestProperties LIMITS =
            new IngestProperties(DataSize.ofMegabytes(8), DataSize.ofKilobytes(64), 100, Duration.ofSeconds(30));

    private final EventBatchReader reader = new EventBatchReader(new SensorEventReader(), LIMITS);

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of("ID=1;", "ID=x;", "Device.ID"),
                Arguments.of("Fw=16071801", "Fw=abc", "Device.Fw"),
                Arguments.of("Evt=2;", "Evt=2.5;", "Device.Evt"),
                Arguments.of("Evt=2; ", "", "Device.Evt"),
                Arguments.of("CoilRevesed=OFF", "CoilRevesed=maybe", "Alarms.Coil"),
                Arguments.of("Alarms: CoilRevesed=OFF; ", "", "Alarms"),
                Arguments.of("Active=1753W", "Active=abc", "Power.Active"),
                Arguments.of("Reactive=279var", "Reactive=nan", "Power.Reactive"),
                Arguments.of("Reactive=279var; ", "", "Power.Reactive"),
                Arguments.of("Appearent=403VA", "Appearent=on", "Power.Appear"),
                Arguments.of("Current=7.35900021", "Current=1e400", "Line.Current"),
                Arguments.of("Voltage=230.08V", "Voltage=high", "Line.Voltage"),
                Arguments.of("Voltage=230.08V; ", "", "Line.Voltage"),
                Arguments.of("Phase=-43,841rad", "Phase=inf", "Line.Phase"),
                Arguments.of("UTC Time: 2016-10-4 16:47:50", "UTC Time: yesterday", "UTC Time"),
                Arguments.of("UTC Time: 2016-10-4 16:47:50; ", "", "UTC Time"),
                Arguments.of("hz: 49.87", "hz: fast", "hz"),
                Arguments.of("hz: 49.87; ", "", "hz"),
                Arguments.of("WiFi Strength: -62", "WiFi Strength: weak", "WiFi Strength"),
                Arguments.of("WiFi Strength: -62; ", "", "WiFi Strength"),
                Arguments.of("Dummy: 20", "Dummy: x", "Dummy"),
                Arguments.of("; Dummy: 20", "", "Dummy"),
                Arguments.of("Peaks: 7.33199978;", "Peaks: 7.33199978;abc;", "Peaks"),
                Arguments.of("FFT Re: 9748;", "FFT Re: ninety;", "FFT Re"),
                Arguments.of("FFT Img: 2712;", "FFT Img: ", "FFT"),
                Arguments.of("Device: ID=1; Fw=16071801", "Device: ID=99999999999999999999; Fw=16071801", "Device.ID"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badFields")
    void rejectsMissingOrMistypedField(String original, String replacement, String field) {
        long device = Samples.newDevice();
        String mutated = LINE.replace(original, replacement);
        assertThat(mutated).as("the mutation applies to the sample line").isNotEqualTo(LINE);
        String bad = mutated.startsWith("Device: ID=1;") ? Samples.withDevice(mutated, device) : mutated;

        Refusal rejected = rejectedText(bad);

        assertThat(rejected.cause()).isInstanceOf(BatchRejectedException.class);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.error()).startsWith("line 1").contains(field);
    }

    @Test
    void acceptsCorrectSpellingsOfMisspelledKeys() {
        long device = Samples.newDevice();
        String line = Samples.withDevice(LINE, device)
                .replace("CoilRevesed=OFF", "CoilReversed=ON")
                .replace("Appearent=", "Apparent=");

        List<SensorEvent> events = reader.readText(utf8(line), StandardCharsets.UTF_8, LINE_LIMIT);

        assertThat(events).hasSize(1);
        assertThat(events.get(0).coilReversed()).isTrue();
    }

    @Test
    void countsBlankLinesInLineNumbersButStoresNothingForThem() {
        long device = Samples.newDevice();
        String line = Samples.withDevice(LINE, device);

        List<SensorEvent> good = reader.readText(
                utf8("\r\n" + line + "\r\n\r\n   \n\t\n" + line + "\r\n\n"), StandardCharsets.UTF_8, LINE_LIMIT);
        Refusal bad = rejectedText("\n\n" + line.replace("Fw=16071801", "Fw=x"));

        assertThat(good)
                .hasSize(2)
                .allSatisfy(event -> assertThat(event.deviceId()).isEqualTo(device));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error()).startsWith("line 3: Device.Fw");
    }

    @Test
    void rejectsBodiesWithoutEvent() {
        assertThat(rejectedText("").status()).isEqualTo(400);
        assertThat(rejectedText(" \n\r\n\t\n").status()).isEqualTo(400);
        assertThat(rejectedJson("[]").status()).isEqualTo(400);
        assertThat(rejectedJson("").status()).isEqualTo(400);
    }

    @Test
    void rejectsJsonThatIsNotAnObjectOrArrayOfThem() {
        Refusal scalar = rejectedJson("42");
        Refusal mixed = rejectedJson("[" + jsonOf(Samples.newDevice()) + ", 7]");
        Refusal duplicateKey = rejectedJson("{\"Dummy\": [1], \"Dummy\": [2]}");

        assertThat(scalar.status()).isEqualTo(400);
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.error()).contains("/1").contains("expected a JSON object");
        assertThat(duplicateKey.status()).isEqualTo(400);
        assertThat(duplicateKey.error()).contains("Dummy");
    }

    @Test
    void rejectsJsonArrayWithBadElementListingItsIndex() {
        long device = Samples.newDevice();
        String bad = jsonOf(device).replace("\"Active\":1753", "\"Active\":\"abc\"");
        assertThat(bad).isNotEqualTo(jsonOf(device));

        Refusal rejected = rejectedJson("[" + jsonOf(device) + "," + bad + "]");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.error()).startsWith("line 2: Power.Active");
    }

    @Test
    void listsTheFirstErrorsOfAHugeBadBodyAndCountsTheRest() {
        int lines = 8 * 1024 * 1024 / "a:1\n".length();

        ErrorResponseException rejected = catchThrowableOfType(
                ErrorResponseException.class,
                () -> reader.readText(utf8("a:1\n".repeat(lines)), StandardCharsets.UTF_8, LINE_LIMIT));

        ProblemDetail problem = rejected.getBody();
        assertThat(problem.getDetail()).isEqualTo(lines + " of " + lines + " lines are invalid; nothing was stored");
        assertThat((List<?>) problem.getProperties().get("errors")).hasSize(100);
        // Each "a:1" lacks every field the event needs: several errors per line, all counted.
        long errorCount = (Long) problem.getProperties().get("error_count");
        assertThat(errorCount).isGreaterThan(lines);
        assertThat(problem.getProperties().get("errors_omitted")).isEqualTo(errorCount - 100);
        assertThat(problem.getProperties().get("error").toString())
                .startsWith("line 1: ")
                .endsWith("; and " + (errorCount - 100) + " more errors not listed");
    }

    @Test
    void countsBadLinesNotErrorsWhenALineHasSeveral() {
        long device = Samples.newDevice();
        String good = Samples.withDevice(LINE, device);
        String twoErrors = good.replace("Fw=16071801", "Fw=x").replace("Evt=2", "Evt=y");

        Refusal rejected = rejectedText(good + "\n" + twoErrors + "\n" + good + "\n" + twoErrors);
        ProblemDetail problem = ((ErrorResponseException) rejected.cause()).getBody();

        assertThat(problem.getDetail()).isEqualTo("2 of 4 lines are invalid; nothing was stored");
        assertThat(problem.getProperties().get("error_count")).isEqualTo(4L);
        assertThat(problem.getProperties().get("errors_omitted")).isEqualTo(0L);
        assertThat(((BatchRejectedException) rejected.cause()).badLines()).isEqualTo(2);
    }

    private Refusal rejectedText(String body) {
        return rejected(() -> reader.readText(utf8(body), StandardCharsets.UTF_8, LINE_LIMIT));
    }

    private Refusal rejectedJson(String body) {
        return rejected(() -> reader.readJson(utf8(body)));
    }

    /** The reader refuses the body as a whole: it hands nothing on to be stored. */
    private static Refusal rejected(ThrowingSupplier<List<SensorEvent>> read) {
        RuntimeException rejected = catchThrowableOfType(RuntimeException.class, read::get);
        assertThat(rejected).as("the body is refused, nothing of it stored").isNotNull();
        return Refusal.of(rejected);
    }

    /**
     * A refusal as web-support answers it: the exception, its status, and the problem's {@code error} member
     * (the one a batch's bad lines set, else the detail or message).
     */
    private record Refusal(RuntimeException cause, int status, String error) {

        static Refusal of(RuntimeException rejected) {
            if (rejected instanceof ApiProblem problem) {
                return new Refusal(rejected, problem.status().value(), problem.getMessage());
            }
            assertThat(rejected).isInstanceOf(ErrorResponseException.class);
            ProblemDetail problem = ((ErrorResponseException) rejected).getBody();
            Object error = problem.getProperties() == null
                    ? null
                    : problem.getProperties().get("error");
            return new Refusal(rejected, problem.getStatus(), error != null ? error.toString() : problem.getDetail());
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String jsonOf(long device) {
        return new LineJson().write(new LineParser().parse(Samples.withDevice(LINE, device)));
    }
}
