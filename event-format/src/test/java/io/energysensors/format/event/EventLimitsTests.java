package io.energysensors.format.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;

import io.energysensors.format.LineParser;
import io.energysensors.format.event.InvalidEventException.FieldError;
import io.energysensors.format.json.LineJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A line within {@link EventLimits} is read; one beyond them names the field at fault. */
class EventLimitsTests {

    private static final String LINE =
            "Device: ID=1; Fw=16071801; Evt=2; Alarms: CoilRevesed=OFF; Power: Active=1753W; "
                    + "Reactive=279var; Appearent=403VA; Line: Current=7.35900021; Voltage=230.08V; Phase=-43,841rad; "
                    + "Peaks: 7.33;7.31;7.53; FFT Re: 9748;46;303; FFT Img: 2712;6;-792; "
                    + "UTC Time: 2016-10-4 16:47:50; hz: 49.87; WiFi Strength: -62; Dummy: 20";

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final LineParser parser = new LineParser();
    private final SensorEventReader reader =
            new SensorEventReader(EventLimits.DEFAULTS, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void readsAListOfExactlyTheLimit() {
        SensorEventReader small = readerWith(new EventLimits(5, 100, Instant.EPOCH, Duration.ofDays(1)));

        SensorEvent event = small.read(parser.parse(LINE.replace("Peaks: 7.33;7.31;7.53;", "Peaks: " + values(5))));

        assertThat(event.peaks()).hasSize(5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Peaks: 7.33;7.31;7.53;, Peaks", "FFT Re: 9748;46;303;, FFT Re", "FFT Img: 2712;6;-792;, FFT Img"})
    void rejectsAListOfOneMoreThanTheLimit(String list, String field) {
        SensorEventReader small = readerWith(new EventLimits(5, 100, Instant.EPOCH, Duration.ofDays(1)));
        String longer = LINE.replace(list, field + ": " + values(6));
        if (field.startsWith("FFT")) {
            // The other half of the FFT as long, so that only the limit is at fault.
            String other = field.equals("FFT Re") ? "FFT Img: 2712;6;-792;" : "FFT Re: 9748;46;303;";
            longer = longer.replace(other, other.substring(0, other.indexOf(':')) + ": " + values(6));
        }
        String line = longer;

        assertThatThrownBy(() -> small.read(parser.parse(line)))
                .isInstanceOfSatisfying(
                        InvalidEventException.class,
                        e -> assertThat(e.errors())
                                .contains(new FieldError(field, "must hold at most 5 values, got 6")));
    }

    @Test
    void rejectsFiveThousandPeaksByDefault() {
        String line = LINE.replace("Peaks: 7.33;7.31;7.53;", "Peaks: " + values(5_000));

        assertThatThrownBy(() -> reader.read(parser.parse(line)))
                .isInstanceOfSatisfying(
                        InvalidEventException.class,
                        e -> assertThat(e.errors())
                                .contains(new FieldError("Peaks", "must hold at most 1000 values, got 5000")));
    }

    @Test
    void rejectsALineWhoseListsTogetherExceedTheLimitPerEvent() {
        // 3 + 1 + 3 + 3 key values, then Peaks takes the line from 10 to 30 values.
        SensorEventReader small = readerWith(new EventLimits(20, 29, Instant.EPOCH, Duration.ofDays(1)));
        String line = LINE.replace("Peaks: 7.33;7.31;7.53;", "Peaks: " + values(20));

        assertThatThrownBy(() -> small.read(parser.parse(line)))
                .isInstanceOfSatisfying(
                        InvalidEventException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new FieldError(
                                        "Peaks", "takes the line past the 29 values an event may hold")));
    }

    @Test
    void countsSectionsTheEventDoesNotReadTowardsTheLimitPerEvent() {
        SensorEventReader small = readerWith(new EventLimits(1_000, 100, Instant.EPOCH, Duration.ofDays(1)));
        String line = LINE + "; Extra: " + values(200);

        assertThatThrownBy(() -> small.read(parser.parse(line)))
                .isInstanceOfSatisfying(
                        InvalidEventException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new FieldError(
                                        "Extra", "takes the line past the 100 values an event may hold")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "1970-01-01 00:00:00",
        "2016-10-04 16:47:50",
        // Exactly a day ahead of the clock: a sensor's clock may run a little fast.
        "2026-12-07 12:00:00",
    })
    void acceptsTimesFromTheEpochToADayAheadOfTheClock(String time) {
        SensorEvent event = reader.read(parser.parse(LINE.replace("2016-10-4 16:47:50", time)));

        assertThat(event.measuredAt()).isEqualTo(Instant.parse(time.replace(' ', 'T') + "Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0001-01-01 00:00:00 | must not be before 1970-01-01T00:00:00Z, got 0001-01-01T00:00:00Z",
                "1969-12-31 23:59:59 | must not be before 1970-01-01T00:00:00Z, got 1969-12-31T23:59:59Z",
                "2026-12-07 12:00:01 | must not be more than 24h after the service's clock (2026-12-06T12:00:00Z), "
                        + "got 2026-12-07T12:00:01Z",
                "9999-12-31 23:59:59 | must not be more than 24h after the service's clock (2026-12-06T12:00:00Z), "
                        + "got 9999-12-31T23:59:59Z",
            })
    void rejectsATimeOutsideTheSaneRange(String time, String message) {
        String line = LINE.replace("2016-10-4 16:47:50", time);

        assertThatThrownBy(() -> reader.read(parser.parse(line)))
                .isInstanceOfSatisfying(
                        InvalidEventException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("UTC Time[0]", message)));
    }

    @Test
    void limitsTheJsonFormAsTheText() {
        LineJson json = new LineJson();
        String text = LINE.replace("Peaks: 7.33;7.31;7.53;", "Peaks: " + values(1_001))
                .replace("2016-10-4 16:47:50", "9999-1-1 00:00:00");
        String line = json.write(parser.parse(text));

        assertThatThrownBy(() -> reader.read(json.readAll(line).get(0)))
                .isInstanceOfSatisfying(
                        InvalidEventException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("UTC Time[0]", "Peaks"));
    }

    private static SensorEventReader readerWith(EventLimits limits) {
        return new SensorEventReader(limits, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** {@code count} values, {@code 1;1;...;}. */
    private static String values(int count) {
        return String.join(";", Collections.nCopies(count, "1")) + ";";
    }
}
