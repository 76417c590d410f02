package io.energysensors.format.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.energysensors.format.Section;
import io.energysensors.format.Section.KeyValueSection;
import io.energysensors.format.Section.ListSection;
import io.energysensors.format.SensorLine;
import io.energysensors.format.Value;
import io.energysensors.format.Value.BigIntegerValue;
import io.energysensors.format.Value.BooleanValue;
import io.energysensors.format.Value.DecimalValue;
import io.energysensors.format.Value.IntegerValue;
import io.energysensors.format.Value.TextValue;
import io.energysensors.format.Value.TimestampValue;
import io.energysensors.format.event.InvalidEventException.FieldError;

/**
 * Reads the log service's event out of a parsed line, validating presence and type of every
 * field (docs/format.md, "The event the log service needs"). Numbers may be integers or decimals;
 * integer fields must be integers within 64 bits. Single-value fields ({@code hz},
 * {@code UTC Time}, ...) must be lists of exactly one element. Sections and keys the event does
 * not use are ignored. Within {@link EventLimits}: lists and the line are bounded in size, and
 * {@code UTC Time} must lie between the earliest time and a little past the clock. Thread-safe.
 *
 * <p>This runs once per stored event, so a valid line costs one pass over its values (and one
 * over its sections, to count them) and no strings: a field's name ({@code Power.Active},
 * {@code Peaks[3]}) is only built for an error.
 */
public final class SensorEventReader {

    private static final int DEVICE = 0;
    private static final int ALARMS = 1;
    private static final int POWER = 2;
    private static final int LINE = 3;
    private static final int UTC_TIME = 4;
    private static final int HZ = 5;
    private static final int PEAKS = 6;
    private static final int FFT_RE = 7;
    private static final int FFT_IMG = 8;
    private static final int WIFI_STRENGTH = 9;
    private static final int DUMMY = 10;
    /** The sections the event reads, indexed by the constants above. */
    private static final String[] SECTIONS = {
        "Device", "Alarms", "Power", "Line", "UTC Time", "hz", "Peaks", "FFT Re", "FFT Img", "WiFi Strength", "Dummy",
    };

    private final EventLimits limits;
    private final Clock clock;

    /** Within {@link EventLimits#DEFAULTS}, times checked against the system clock. */
    public SensorEventReader() {
        this(EventLimits.DEFAULTS, Clock.systemUTC());
    }

    /** @param clock what "now" is for the latest {@code UTC Time} accepted */
    public SensorEventReader(EventLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** @throws InvalidEventException listing every missing, mistyped or out-of-limits field */
    public SensorEvent read(SensorLine line) {
        Fields fields = new Fields(line, limits.maxListElements());
        long deviceId = fields.integer(DEVICE, "ID");
        long firmware = fields.integer(DEVICE, "Fw");
        long eventCode = fields.integer(DEVICE, "Evt");
        Instant measuredAt = fields.timestamp(UTC_TIME);
        if (measuredAt != null) {
            checkTime(measuredAt, fields);
        }
        boolean coilReversed = fields.bool(ALARMS, "CoilRevesed", "CoilReversed");
        double activePower = fields.number(POWER, "Active", null);
        double reactivePower = fields.number(POWER, "Reactive", null);
        double apparentPower = fields.number(POWER, "Appearent", "Apparent");
        double lineCurrent = fields.number(LINE, "Current", null);
        double lineVoltage = fields.number(LINE, "Voltage", null);
        double linePhase = fields.number(LINE, "Phase", null);
        double frequency = fields.singleNumber(HZ);
        double[] peaks = fields.numbers(PEAKS);
        double[] fftRe = fields.numbers(FFT_RE);
        double[] fftImg = fields.numbers(FFT_IMG);
        double wifiStrength = fields.singleNumber(WIFI_STRENGTH);
        double dummy = fields.singleNumber(DUMMY);
        // After the fields, so that a list beyond its own limit is reported first, as the cause.
        fields.checkSize(line, limits.maxElements());
        if (fftRe != null && fftImg != null && fftRe.length != fftImg.length) {
            fields.error(
                    "FFT Img", "must have as many elements as FFT Re (" + fftRe.length + "), got " + fftImg.length);
        }
        fields.throwIfAny();
        return new SensorEvent(
                deviceId,
                firmware,
                eventCode,
                measuredAt,
                coilReversed,
                activePower,
                reactivePower,
                apparentPower,
                lineCurrent,
                lineVoltage,
                linePhase,
                frequency,
                peaks,
                fftRe,
                fftImg,
                wifiStrength,
                dummy);
    }

    private void checkTime(Instant measuredAt, Fields fields) {
        if (measuredAt.isBefore(limits.earliest())) {
            fields.error(
                    Fields.field(UTC_TIME, null, 0), "must not be before " + limits.earliest() + ", got " + measuredAt);
            return;
        }
        Instant now = clock.instant();
        if (measuredAt.isAfter(now.plus(limits.maxAhead()))) {
            fields.error(
                    Fields.field(UTC_TIME, null, 0),
                    "must not be more than " + words(limits.maxAhead()) + " after the service's clock (" + now
                            + "), got " + measuredAt);
        }
    }

    /** {@code 24h}, {@code 1h30m}: Duration's ISO form without its {@code PT}. */
    private static String words(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** The index in {@link #SECTIONS} of a section name, or -1 for a section the event does not read. */
    private static int indexOf(String name) {
        switch (name) {
            case "Device":
                return DEVICE;
            case "Alarms":
                return ALARMS;
            case "Power":
                return POWER;
            case "Line":
                return LINE;
            case "UTC Time":
                return UTC_TIME;
            case "hz":
                return HZ;
            case "Peaks":
                return PEAKS;
            case "FFT Re":
                return FFT_RE;
            case "FFT Img":
                return FFT_IMG;
            case "WiFi Strength":
                return WIFI_STRENGTH;
            case "Dummy":
                return DUMMY;
            default:
                return -1;
        }
    }

    /**
     * The sections of one line, looked up once, and every problem found so far instead of only
     * the first. A field is named by its section and either a key or, when the key is null, an
     * element index.
     */
    private static final class Fields {

        private final Section[] sections = new Section[SECTIONS.length];
        private final int maxListElements;
        private List<FieldError> errors;
        /** Bit i is set once section i has been reported as the wrong kind, so that it is reported once. */
        private int wrongKindReported;

        Fields(SensorLine line, int maxListElements) {
            this.maxListElements = maxListElements;
            List<Section> all = line.sections();
            for (int i = 0; i < all.size(); i++) {
                Section section = all.get(i);
                int index = indexOf(section.name());
                // The first of a name wins, as SensorLine.section finds it.
                if (index >= 0 && sections[index] == null) {
                    sections[index] = section;
                }
            }
        }

        /** Reports the section with which the line's values first exceed {@code maxElements}. */
        void checkSize(SensorLine line, int maxElements) {
            long total = 0;
            for (Section section : line.sections()) {
                total += section instanceof ListSection list
                        ? list.elements().size()
                        : ((KeyValueSection) section).entries().size();
                if (total > maxElements) {
                    error(section.name(), "takes the line past the " + maxElements + " values an event may hold");
                    return;
                }
            }
        }

        long integer(int section, String key) {
            Value value = keyed(section, key, null);
            if (value instanceof IntegerValue integer) {
                return integer.value();
            }
            if (value != null) {
                error(
                        field(section, key, 0),
                        (value instanceof BigIntegerValue ? "must be an integer within 64 bits" : "must be an integer")
                                + ", got " + describe(value));
            }
            return 0;
        }

        double number(int section, String key, String alternativeKey) {
            return number(keyed(section, key, alternativeKey), section, key, 0);
        }

        boolean bool(int section, String key, String alternativeKey) {
            Value value = keyed(section, key, alternativeKey);
            if (value instanceof BooleanValue bool) {
                return bool.value();
            }
            if (value != null) {
                error(field(section, key, 0), "must be ON or OFF, got " + describe(value));
            }
            return false;
        }

        Instant timestamp(int section) {
            Value value = single(section);
            if (value instanceof TimestampValue timestamp) {
                return timestamp.value();
            }
            if (value != null) {
                error(field(section, null, 0), "must be a date-time, got " + describe(value));
            }
            return null;
        }

        double singleNumber(int section) {
            return number(single(section), section, null, 0);
        }

        double[] numbers(int section) {
            ListSection list = list(section);
            if (list == null) {
                return null;
            }
            List<Value> elements = list.elements();
            if (elements.size() > maxListElements) {
                error(SECTIONS[section], "must hold at most " + maxListElements + " values, got " + elements.size());
                return null;
            }
            double[] numbers = new double[elements.size()];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = number(elements.get(i), section, null, i);
            }
            return numbers;
        }

        private double number(Value value, int section, String key, int index) {
            if (value instanceof DecimalValue decimal) {
                return decimal.value();
            }
            if (value instanceof IntegerValue integer) {
                return integer.value();
            }
            if (value != null) {
                error(
                        field(section, key, index),
                        (value instanceof BigIntegerValue ? "must be a number within 64 bits" : "must be a number")
                                + ", got " + describe(value));
            }
            return 0;
        }

        /** The value under {@code key} (or its alternative spelling, if not null), or null after reporting why not. */
        private Value keyed(int section, String key, String alternativeKey) {
            Section found = sections[section];
            if (found == null) {
                error(field(section, key, 0), "is missing");
                return null;
            }
            if (!(found instanceof KeyValueSection keyValues)) {
                wrongKind(section, "must be key=value pairs, got a list");
                return null;
            }
            Map<String, Value> entries = keyValues.entries();
            Value value = entries.get(key);
            if (alternativeKey != null) {
                Value other = entries.get(alternativeKey);
                if (other != null && value != null) {
                    error(field(section, key, 0), "is given twice, as " + key + " and as " + alternativeKey);
                    return null;
                }
                if (other != null) {
                    value = other;
                }
            }
            if (value == null) {
                error(field(section, key, 0), "is missing");
            }
            return value;
        }

        private Value single(int section) {
            ListSection list = list(section);
            if (list == null) {
                return null;
            }
            List<Value> elements = list.elements();
            if (elements.size() != 1) {
                error(SECTIONS[section], "must hold exactly one value, got " + elements.size());
                return null;
            }
            return elements.get(0);
        }

        private ListSection list(int section) {
            Section found = sections[section];
            if (found == null) {
                error(SECTIONS[section], "is missing");
                return null;
            }
            if (!(found instanceof ListSection list)) {
                wrongKind(section, "must be a list, got key=value pairs");
                return null;
            }
            return list;
        }

        static String field(int section, String key, int index) {
            return key != null ? SECTIONS[section] + "." + key : SECTIONS[section] + "[" + index + "]";
        }

        private static String describe(Value value) {
            if (value instanceof TextValue text) {
                return "\"" + text.value() + "\"";
            }
            if (value instanceof BooleanValue bool) {
                return bool.value() ? "ON" : "OFF";
            }
            if (value instanceof IntegerValue integer) {
                return Long.toString(integer.value());
            }
            if (value instanceof DecimalValue decimal) {
                return Double.toString(decimal.value());
            }
            if (value instanceof TimestampValue timestamp) {
                return "the date-time " + timestamp.value();
            }
            return ((BigIntegerValue) value).value().toString();
        }

        private void wrongKind(int section, String message) {
            int bit = 1 << section;
            if ((wrongKindReported & bit) == 0) {
                wrongKindReported |= bit;
                error(SECTIONS[section], message);
            }
        }

        void error(String field, String message) {
            if (errors == null) {
                errors = new ArrayList<>();
            }
            errors.add(new FieldError(field, message));
        }

        void throwIfAny() {
            if (errors != null) {
                throw new InvalidEventException(errors);
            }
        }
    }
}
