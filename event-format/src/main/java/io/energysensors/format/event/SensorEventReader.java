package io.energysensors.format.event;

import io.energysensors.format.SensorLine;
import io.energysensors.format.Section;
import io.energysensors.format.Section.KeyValueSection;
import io.energysensors.format.Section.ListSection;
import io.energysensors.format.Value;
import io.energysensors.format.Value.BigIntegerValue;
import io.energysensors.format.Value.BooleanValue;
import io.energysensors.format.Value.DecimalValue;
import io.energysensors.format.Value.IntegerValue;
import io.energysensors.format.Value.TextValue;
import io.energysensors.format.Value.TimestampValue;
import io.energysensors.format.event.InvalidEventException.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the log service's event out of a parsed line, validating presence and type of every
 * field (FORMAT.md, "The event the log service needs"). Numbers may be integers or decimals;
 * integer fields must be integers within 64 bits. Single-value fields ({@code hz},
 * {@code UTC Time}, ...) must be lists of exactly one element. Sections and keys the event does
 * not use are ignored. Stateless and thread-safe.
 */
public final class SensorEventReader {

    /** @throws InvalidEventException listing every missing or mistyped field */
    public SensorEvent read(SensorLine line) {
        Fields fields = new Fields(line);
        long deviceId = fields.integer("Device", "ID");
        long firmware = fields.integer("Device", "Fw");
        long eventCode = fields.integer("Device", "Evt");
        Instant measuredAt = fields.timestamp("UTC Time");
        boolean coilReversed = fields.bool("Alarms", "CoilRevesed", "CoilReversed");
        double activePower = fields.number("Power", "Active");
        double reactivePower = fields.number("Power", "Reactive");
        double apparentPower = fields.number("Power", "Appearent", "Apparent");
        double lineCurrent = fields.number("Line", "Current");
        double lineVoltage = fields.number("Line", "Voltage");
        double linePhase = fields.number("Line", "Phase");
        double frequency = fields.singleNumber("hz");
        double[] peaks = fields.numbers("Peaks");
        double[] fftRe = fields.numbers("FFT Re");
        double[] fftImg = fields.numbers("FFT Img");
        double wifiStrength = fields.singleNumber("WiFi Strength");
        double dummy = fields.singleNumber("Dummy");
        if (fftRe != null && fftImg != null && fftRe.length != fftImg.length) {
            fields.error("FFT Img", "must have as many elements as FFT Re (" + fftRe.length + "), got " + fftImg.length);
        }
        fields.throwIfAny();
        return new SensorEvent(deviceId, firmware, eventCode, measuredAt, coilReversed,
                activePower, reactivePower, apparentPower, lineCurrent, lineVoltage, linePhase,
                frequency, peaks, fftRe, fftImg, wifiStrength, dummy);
    }

    /** Looks fields up, collecting every problem instead of stopping at the first. */
    private static final class Fields {

        private final SensorLine line;
        private final List<FieldError> errors = new ArrayList<>();
        private final Set<String> sectionsReported = new HashSet<>();

        Fields(SensorLine line) {
            this.line = line;
        }

        long integer(String section, String key) {
            Value value = keyed(section, key);
            if (value instanceof IntegerValue integer) {
                return integer.value();
            }
            if (value != null) {
                error(section + "." + key, (value instanceof BigIntegerValue ? "must be an integer within 64 bits" : "must be an integer")
                        + ", got " + describe(value));
            }
            return 0;
        }

        double number(String section, String key, String... alternativeKeys) {
            return number(section + "." + key, keyed(section, key, alternativeKeys));
        }

        boolean bool(String section, String key, String... alternativeKeys) {
            Value value = keyed(section, key, alternativeKeys);
            if (value instanceof BooleanValue bool) {
                return bool.value();
            }
            if (value != null) {
                error(section + "." + key, "must be ON or OFF, got " + describe(value));
            }
            return false;
        }

        Instant timestamp(String section) {
            Value value = single(section);
            if (value instanceof TimestampValue timestamp) {
                return timestamp.value();
            }
            if (value != null) {
                error(section + "[0]", "must be a date-time, got " + describe(value));
            }
            return null;
        }

        double singleNumber(String section) {
            return number(section + "[0]", single(section));
        }

        double[] numbers(String section) {
            ListSection list = list(section);
            if (list == null) {
                return null;
            }
            List<Value> elements = list.elements();
            double[] numbers = new double[elements.size()];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = number(section + "[" + i + "]", elements.get(i));
            }
            return numbers;
        }

        private double number(String field, Value value) {
            if (value instanceof DecimalValue decimal) {
                return decimal.value();
            }
            if (value instanceof IntegerValue integer) {
                return integer.value();
            }
            if (value != null) {
                error(field, (value instanceof BigIntegerValue ? "must be a number within 64 bits" : "must be a number")
                        + ", got " + describe(value));
            }
            return 0;
        }

        /** The value under {@code key} (or one alternative spelling), or null after reporting why not. */
        private Value keyed(String section, String key, String... alternativeKeys) {
            String field = section + "." + key;
            Optional<Section> found = line.section(section);
            if (found.isEmpty()) {
                error(field, "is missing");
                return null;
            }
            if (!(found.get() instanceof KeyValueSection keyValues)) {
                errorOnce(section, "must be key=value pairs, got a list");
                return null;
            }
            Value value = keyValues.entries().get(key);
            for (String alternative : alternativeKeys) {
                Value other = keyValues.entries().get(alternative);
                if (other != null && value != null) {
                    error(field, "is given twice, as " + key + " and as " + alternative);
                    return null;
                }
                if (other != null) {
                    value = other;
                }
            }
            if (value == null) {
                error(field, "is missing");
            }
            return value;
        }

        private Value single(String section) {
            ListSection list = list(section);
            if (list == null) {
                return null;
            }
            if (list.elements().size() != 1) {
                error(section, "must hold exactly one value, got " + list.elements().size());
                return null;
            }
            return list.elements().get(0);
        }

        private ListSection list(String section) {
            Optional<Section> found = line.section(section);
            if (found.isEmpty()) {
                error(section, "is missing");
                return null;
            }
            if (!(found.get() instanceof ListSection list)) {
                errorOnce(section, "must be a list, got key=value pairs");
                return null;
            }
            return list;
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

        private void errorOnce(String section, String message) {
            if (sectionsReported.add(section)) {
                error(section, message);
            }
        }

        void error(String field, String message) {
            errors.add(new FieldError(field, message));
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidEventException(errors);
            }
        }
    }
}
