package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import io.energysensors.format.LineParser;
import io.energysensors.format.event.SensorEvent;
import io.energysensors.format.json.LineJson;
import io.energysensors.logservice.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The rules of POST /log/store that the body alone decides, checked on the reader that decides
 * them: what it returns is what gets stored, what it throws is the answer, nothing of it stored.
 * StoreValidationTests checks over HTTP how such answers become status and problem JSON.
 */
class EventBatchReaderTests {

    private static final int MAX_LINE = 64 * 1024;

    /** The first sample line, written out: {@code Device: ID=1; Fw=16071801; Evt=2; ...}. */
    private static final String LINE = Samples.lines().get(0);

    private final EventBatchReader reader = new EventBatchReader();

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

        ErrorResponseException rejected = rejectedText(bad);

        assertThat(rejected).isInstanceOf(BatchRejectedException.class);
        assertThat(rejected.getStatusCode().value()).isEqualTo(400);
        assertThat(error(rejected)).startsWith("line 1").contains(field);
    }

    @Test
    void acceptsCorrectSpellingsOfMisspelledKeys() {
        long device = Samples.newDevice();
        String line = Samples.withDevice(LINE, device)
                .replace("CoilRevesed=OFF", "CoilReversed=ON")
                .replace("Appearent=", "Apparent=");

        List<SensorEvent> events = reader.readText(utf8(line), MAX_LINE);

        assertThat(events).hasSize(1);
        assertThat(events.get(0).coilReversed()).isTrue();
    }

    @Test
    void countsBlankLinesInLineNumbersButStoresNothingForThem() {
        long device = Samples.newDevice();
        String line = Samples.withDevice(LINE, device);

        List<SensorEvent> good = reader.readText(utf8("\r\n" + line + "\r\n\r\n   \n\t\n" + line + "\r\n\n"), MAX_LINE);
        ErrorResponseException bad = rejectedText("\n\n" + line.replace("Fw=16071801", "Fw=x"));

        assertThat(good)
                .hasSize(2)
                .allSatisfy(event -> assertThat(event.deviceId()).isEqualTo(device));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(error(bad)).startsWith("line 3: Device.Fw");
    }

    @Test
    void rejectsBodiesWithoutEvent() {
        assertThat(rejectedText("").getStatusCode().value()).isEqualTo(400);
        assertThat(rejectedText(" \n\r\n\t\n").getStatusCode().value()).isEqualTo(400);
        assertThat(rejectedJson("[]").getStatusCode().value()).isEqualTo(400);
        assertThat(rejectedJson("").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void rejectsInvalidUtf8WithItsPosition() {
        long device = Samples.newDevice();
        String first = Samples.withDevice(LINE, device);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes((first + "\n").getBytes(StandardCharsets.UTF_8));
        String prefix = "Device: ID=" + device + "; Fw=";
        body.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        body.write(0xFF);
        body.writeBytes("16071801; Evt=2".getBytes(StandardCharsets.UTF_8));
        int offset = first.length() + 1 + prefix.length();

        ErrorResponseException rejected = rejected(() -> reader.readText(body.toByteArray(), MAX_LINE));

        assertThat(rejected.getStatusCode().value()).isEqualTo(400);
        assertThat(error(rejected))
                .startsWith("line 2, column " + (prefix.length() + 1) + ":")
                .contains("0xFF")
                .contains("offset " + offset);
    }

    @Test
    void rejectsOverlongAndTruncatedUtf8() {
        byte[] overlong = {'D', 'e', (byte) 0xC0, (byte) 0x80};
        byte[] truncated = {'D', 'e', 'v', (byte) 0xE2, (byte) 0x82};

        ErrorResponseException first = rejected(() -> reader.readText(overlong, MAX_LINE));
        ErrorResponseException second = rejected(() -> reader.readText(truncated, MAX_LINE));

        assertThat(first.getStatusCode().value()).isEqualTo(400);
        assertThat(error(first)).startsWith("line 1, column 3:").contains("offset 2");
        assertThat(second.getStatusCode().value()).isEqualTo(400);
        assertThat(error(second)).startsWith("line 1, column 4:").contains("offset 3");
    }

    @Test
    void rejectsInvalidUtf8InJsonWithLineAndColumn() {
        byte[] body = {'[', '\n', '{', '"', (byte) 0xFE, '"', ':', '1', '}', ']'};

        ErrorResponseException rejected = rejected(() -> reader.readJson(body));

        assertThat(rejected.getStatusCode().value()).isEqualTo(400);
        assertThat(rejected.getBody().getProperties()).containsEntry("line", 2).containsEntry("column", 3);
    }

    @Test
    void rejectsJsonThatIsNotAnObjectOrArrayOfThem() {
        ErrorResponseException scalar = rejectedJson("42");
        ErrorResponseException mixed = rejectedJson("[" + jsonOf(Samples.newDevice()) + ", 7]");
        ErrorResponseException duplicateKey = rejectedJson("{\"Dummy\": [1], \"Dummy\": [2]}");

        assertThat(scalar.getStatusCode().value()).isEqualTo(400);
        assertThat(mixed.getStatusCode().value()).isEqualTo(400);
        assertThat(error(mixed)).contains("/1").contains("expected a JSON object");
        assertThat(duplicateKey.getStatusCode().value()).isEqualTo(400);
        assertThat(error(duplicateKey)).contains("Dummy");
    }

    @Test
    void rejectsJsonArrayWithBadElementListingItsIndex() {
        long device = Samples.newDevice();
        String bad = jsonOf(device).replace("\"Active\":1753", "\"Active\":\"abc\"");
        assertThat(bad).isNotEqualTo(jsonOf(device));

        ErrorResponseException rejected = rejectedJson("[" + jsonOf(device) + "," + bad + "]");

        assertThat(rejected.getStatusCode().value()).isEqualTo(400);
        assertThat(error(rejected)).startsWith("line 2: Power.Active");
    }

    @Test
    void rejectsLineOverTheLimitWith413NamingTheLine() {
        long device = Samples.newDevice();
        String line = Samples.withDevice(LINE, device);
        String tooLong = line.replace("Dummy: 20", "Dummy: 20" + " ".repeat(MAX_LINE));

        ErrorResponseException rejected = rejectedText(line + "\n" + tooLong);

        assertThat(rejected.getStatusCode().value()).isEqualTo(413);
        assertThat(error(rejected)).startsWith("line 2 ").contains("max-line-bytes");
    }

    private ErrorResponseException rejectedText(String body) {
        return rejected(() -> reader.readText(utf8(body), MAX_LINE));
    }

    private ErrorResponseException rejectedJson(String body) {
        return rejected(() -> reader.readJson(utf8(body)));
    }

    /** The reader refuses the body as a whole: it hands nothing on to be stored. */
    private static ErrorResponseException rejected(ThrowingSupplier<List<SensorEvent>> read) {
        ErrorResponseException rejected = catchThrowableOfType(ErrorResponseException.class, read::get);
        assertThat(rejected).as("the body is refused, nothing of it stored").isNotNull();
        return rejected;
    }

    /**
     * The problem's {@code error} member as web-support answers it: the one the exception sets
     * (a batch's bad lines), else its detail.
     */
    private static String error(ErrorResponseException rejected) {
        ProblemDetail problem = rejected.getBody();
        Object error =
                problem.getProperties() == null ? null : problem.getProperties().get("error");
        return error != null ? error.toString() : problem.getDetail();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String jsonOf(long device) {
        return new LineJson().write(new LineParser().parse(Samples.withDevice(LINE, device)));
    }
}
