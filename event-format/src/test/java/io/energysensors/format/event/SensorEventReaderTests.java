package io.energysensors.format.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import io.energysensors.format.LineParser;
import io.energysensors.format.SampleFiles;
import io.energysensors.format.Section;
import io.energysensors.format.Section.ListSection;
import io.energysensors.format.SensorLine;
import io.energysensors.format.Value.DecimalValue;
import io.energysensors.format.event.InvalidEventException.FieldError;
import io.energysensors.format.json.LineJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class SensorEventReaderTests {

    /** The first line of the sample (original_parser_cases.md, case 65). */
    private static final String FIRST =
            "Device: ID=1; Fw=16071801; Evt=2; Alarms: CoilRevesed=OFF; Power: Active=1753W; "
                    + "Reactive=279var; Appearent=403VA; Line: Current=7.35900021; Voltage=230.08V; Phase=-43,841rad; "
                    + "Peaks: 7.33199978;7.311999799999999;7.53000021;7.48400021;7.54300022;7.62900019;7.36499977;7.28599977;"
                    + "7.37200022;7.31899977; FFT Re: 9748;46;303;33;52;19;19;39;-455; FFT Img: 2712;6;-792;-59;1386;-19;963;33;462; "
                    + "UTC Time: 2016-10-4 16:47:50; hz: 49.87; WiFi Strength: -62; Dummy: 20";

    private final LineParser parser = new LineParser();
    private final SensorEventReader reader = new SensorEventReader();

    private SensorEvent read(String line) {
        return reader.read(parser.parse(line));
    }

    private List<FieldError> errors(String line) {
        try {
            read(line);
        } catch (InvalidEventException e) {
            return e.errors();
        }
        throw new AssertionError("expected an InvalidEventException for " + line);
    }

    private static String with(String from, String to) {
        assertThat(FIRST).contains(from);
        return FIRST.replace(from, to);
    }

    @Test
    void readsEveryFieldOfTheFirstSampleLine() {
        assertThat(read(FIRST))
                .isEqualTo(new SensorEvent(
                        1,
                        16071801,
                        2,
                        Instant.parse("2016-10-04T16:47:50Z"),
                        false,
                        1753,
                        279,
                        403,
                        7.35900021,
                        230.08,
                        -43.841,
                        49.87,
                        new double[] {
                            7.33199978,
                            7.311999799999999,
                            7.53000021,
                            7.48400021,
                            7.54300022,
                            7.62900019,
                            7.36499977,
                            7.28599977,
                            7.37200022,
                            7.31899977
                        },
                        new double[] {9748, 46, 303, 33, 52, 19, 19, 39, -455},
                        new double[] {2712, 6, -792, -59, 1386, -19, 963, 33, 462},
                        -62,
                        20));
    }

    @Test
    void readsEverySampleLineAsTheOriginalParsedIt() {
        ObjectMapper mapper = JsonMapper.builder().build();
        List<String> lines = SampleFiles.linesWithBreaks(SampleFiles.SAMPLE);
        List<String> reference = SampleFiles.linesWithBreaks(SampleFiles.PARSED_EVENTS);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode expected = mapper.readTree(reference.get(i));
            SensorEvent event = read(lines.get(i));
            assertThat(event.deviceId()).isEqualTo(expected.at("/Device/ID").longValue());
            assertThat(event.firmware()).isEqualTo(expected.at("/Device/Fw").longValue());
            assertThat(event.eventCode()).isEqualTo(expected.at("/Device/Evt").longValue());
            assertThat(event.measuredAt())
                    .isEqualTo(LocalDateTime.parse(expected.at("/UTC Time/0").stringValue())
                            .toInstant(ZoneOffset.UTC));
            assertThat(event.coilReversed())
                    .isEqualTo(expected.at("/Alarms/CoilRevesed").booleanValue());
            assertThat(event.activePowerW())
                    .isEqualTo(expected.at("/Power/Active").doubleValue());
            assertThat(event.reactivePowerVar())
                    .isEqualTo(expected.at("/Power/Reactive").doubleValue());
            assertThat(event.apparentPowerVa())
                    .isEqualTo(expected.at("/Power/Appearent").doubleValue());
            assertThat(event.lineCurrentA())
                    .isEqualTo(expected.at("/Line/Current").doubleValue());
            assertThat(event.lineVoltageV())
                    .isEqualTo(expected.at("/Line/Voltage").doubleValue());
            assertThat(event.linePhaseRad())
                    .isEqualTo(expected.at("/Line/Phase").doubleValue());
            assertThat(event.frequencyHz()).isEqualTo(expected.at("/hz/0").doubleValue());
            assertThat(event.peaks()).containsExactly(doubles(expected.get("Peaks")));
            assertThat(event.fftRe()).containsExactly(doubles(expected.get("FFT Re")));
            assertThat(event.fftImg()).containsExactly(doubles(expected.get("FFT Img")));
            assertThat(event.wifiStrengthDbm())
                    .isEqualTo(expected.at("/WiFi Strength/0").doubleValue());
            assertThat(event.dummy()).isEqualTo(expected.at("/Dummy/0").doubleValue());
        }
    }

    @Test
    void readsTheSameEventFromTheJsonFormOfEverySampleLine() {
        LineJson json = new LineJson();
        for (String line : SampleFiles.linesWithBreaks(SampleFiles.SAMPLE)) {
            // Names read from JSON are other String instances than the parser's, in other maps.
            SensorLine parsed = parser.parse(line);
            assertThat(reader.read(json.read(json.write(parsed)))).isEqualTo(reader.read(parsed));
        }
    }

    @Test
    void readsTheFirstOfTwoSectionsOfTheSameNameAsSensorLineFindsIt() {
        SensorLine parsed = parser.parse(FIRST);
        List<Section> sections = new ArrayList<>(parsed.sections());
        sections.add(new ListSection(new String("hz".toCharArray()), List.of(new DecimalValue(50.5))));
        assertThat(reader.read(new SensorLine(sections)).frequencyHz()).isEqualTo(49.87);
    }

    private static double[] doubles(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .mapToDouble(JsonNode::doubleValue)
                .toArray();
    }

    @Test
    void givesTheClusteringFeaturesInFormatMdOrder() {
        assertThat(read(FIRST).features())
                .hasValueSatisfying(features -> assertThat(features)
                        .containsExactly(
                                1753, 279, 403, 7.35900021, 230.08, 7.33199978, 7.311999799999999, 7.53000021));
        assertThat(Feature.ALL).hasSize(8);
    }

    @Test
    void hasNoFeaturesWithFewerThanThreePeaks() {
        SensorEvent twoPeaks = read(with(
                "Peaks: 7.33199978;7.311999799999999;7.53000021;7.48400021;7.54300022;7.62900019;"
                        + "7.36499977;7.28599977;7.37200022;7.31899977;",
                "Peaks: 7.3; 7.4;"));
        assertThat(twoPeaks.peaks()).containsExactly(7.3, 7.4);
        assertThat(twoPeaks.features()).isEmpty();
        SensorEvent threePeaks = read(with(
                "Peaks: 7.33199978;7.311999799999999;7.53000021;7.48400021;7.54300022;7.62900019;"
                        + "7.36499977;7.28599977;7.37200022;7.31899977;",
                "Peaks: 1;2;3;"));
        assertThat(threePeaks.features())
                .hasValueSatisfying(features -> assertThat(features).endsWith(1, 2, 3));
    }

    @Test
    void acceptsTheCorrectSpellingsOfTheMisspelledKeys() {
        SensorEvent event =
                read(with("CoilRevesed=OFF", "CoilReversed=ON").replace("Appearent=403VA", "Apparent=404VA"));
        assertThat(event.coilReversed()).isTrue();
        assertThat(event.apparentPowerVa()).isEqualTo(404);
    }

    @Test
    void acceptsIntegersAndDecimalsForNumbers() {
        SensorEvent event =
                read(with("Active=1753W", "Active=1753.5W").replace("WiFi Strength: -62", "WiFi Strength: -62,5"));
        assertThat(event.activePowerW()).isEqualTo(1753.5);
        assertThat(event.wifiStrengthDbm()).isEqualTo(-62.5);
    }

    @Test
    void ignoresSectionsAndKeysItDoesNotNeed() {
        assertThat(read(FIRST + "; Extra: 1; Notes: a=b").deviceId()).isEqualTo(1);
        assertThat(read(with("Evt=2;", "Evt=2; Serial=X9;")).eventCode()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ID=1;                      | ''                   | Device.ID          | is missing",
                "Evt=2;                     | ''                   | Device.Evt         | is missing",
                "Alarms: CoilRevesed=OFF;   | ''                   | Alarms.CoilRevesed | is missing",
                "Appearent=403VA;           | ''                   | Power.Appearent    | is missing",
                "Phase=-43,841rad;          | ''                   | Line.Phase         | is missing",
                "UTC Time: 2016-10-4 16:47:50; | ''                | UTC Time           | is missing",
                "hz: 49.87;                 | ''                   | hz                 | is missing",
                "ID=1;                      | ID=1.5;              | Device.ID          | must be an integer, got 1.5",
                "Fw=16071801;               | Fw=v16;              | Device.Fw          | must be an integer, got \"v16\"",
                "Evt=2;                     | Evt=99999999999999999999; | Device.Evt    | must be an integer within 64 bits, got 99999999999999999999",
                "CoilRevesed=OFF            | CoilRevesed=yes      | Alarms.CoilRevesed | must be ON or OFF, got \"yes\"",
                "CoilRevesed=OFF            | CoilRevesed=0        | Alarms.CoilRevesed | must be ON or OFF, got 0",
                "Active=1753W               | Active=abc           | Power.Active       | must be a number, got \"abc\"",
                "Reactive=279var            | Reactive=ON          | Power.Reactive     | must be a number, got ON",
                "Current=7.35900021         | Current=nan          | Line.Current       | must be a number, got \"nan\"",
                "Voltage=230.08V            | Voltage=1e999V       | Line.Voltage       | must be a number, got \"1e999V\"",
                "Voltage=230.08V            | Voltage=123456789012345678901234567890 | Line.Voltage | must be a number within 64 bits, got 123456789012345678901234567890",
                "UTC Time: 2016-10-4 16:47:50 | UTC Time: 16:47:50 | UTC Time[0]        | must be a date-time, got \"16:47:50\"",
                "UTC Time: 2016-10-4 16:47:50 | UTC Time: 1475599670 | UTC Time[0]      | must be a date-time, got 1475599670",
                "hz: 49.87                  | hz: 49.87; 50.01     | hz                 | must hold exactly one value, got 2",
                "hz: 49.87                  | hz: value=49.87      | hz                 | must be a list, got key=value pairs",
                "Dummy: 20                  | Dummy: twenty        | Dummy[0]           | must be a number, got \"twenty\"",
                "WiFi Strength: -62         | WiFi Strength: 2016-10-4 16:47:50 | WiFi Strength[0] | must be a number, got the date-time 2016-10-04T16:47:50Z",
                "7.53000021;                | x;                   | Peaks[2]           | must be a number, got \"x\"",
                "FFT Re: 9748;              | FFT Re: 9748i;       | FFT Re[0]          | must be a number, got \"9748i\"",
                "FFT Img: 2712;6;           | FFT Img: 6;          | FFT Img            | must have as many elements as FFT Re (9), got 8",
                "Device: ID=1; Fw=16071801; Evt=2; | Device: 1; 16071801; 2; | Device | must be key=value pairs, got a list",
            })
    void reportsAMissingOrMistypedField(String from, String to, String field, String message) {
        assertThat(errors(with(from, to))).containsExactly(new FieldError(field, message));
    }

    @Test
    void rejectsBothSpellingsAtOnce() {
        assertThat(errors(with("CoilRevesed=OFF", "CoilRevesed=OFF; CoilReversed=OFF")))
                .containsExactly(
                        new FieldError("Alarms.CoilRevesed", "is given twice, as CoilRevesed and as CoilReversed"));
        assertThat(errors(with("Appearent=403VA", "Appearent=403VA; Apparent=403VA")))
                .containsExactly(new FieldError("Power.Appearent", "is given twice, as Appearent and as Apparent"));
    }

    @Test
    void collectsEveryProblemInOneException() {
        String line = with("ID=1", "ID=x").replace("Active=1753W", "Active=abc").replace("hz: 49.87; ", "");
        assertThatThrownBy(() -> read(line))
                .isInstanceOfSatisfying(
                        InvalidEventException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        new FieldError("Device.ID", "must be an integer, got \"x\""),
                                        new FieldError("Power.Active", "must be a number, got \"abc\""),
                                        new FieldError("hz", "is missing")))
                .hasMessage(
                        "Device.ID must be an integer, got \"x\"; Power.Active must be a number, got \"abc\"; hz is missing");
    }

    @Test
    void reportsEveryFieldOfAMissingSection() {
        assertThat(errors(with("Power: Active=1753W; Reactive=279var; Appearent=403VA; ", "")))
                .containsExactly(
                        new FieldError("Power.Active", "is missing"),
                        new FieldError("Power.Reactive", "is missing"),
                        new FieldError("Power.Appearent", "is missing"));
    }
}
