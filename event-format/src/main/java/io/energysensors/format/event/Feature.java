package io.energysensors.format.event;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The 8 clustering features of an event, in the order of every feature vector (docs/format.md,
 * "Clustering features"), unscaled. This is their one definition: the stored columns, the API's
 * member names and the vectors the clustering sees are all taken from here.
 */
public enum Feature {
    ACTIVE_POWER("active_power_w", "power_active_w", "Active power", "W", SensorEvent::activePowerW),
    REACTIVE_POWER("reactive_power_var", "power_reactive_var", "Reactive power", "var", SensorEvent::reactivePowerVar),
    APPARENT_POWER("apparent_power_va", "power_apparent_va", "Apparent power", "VA", SensorEvent::apparentPowerVa),
    LINE_CURRENT("line_current_a", "line_current_a", "Line current", "A", SensorEvent::lineCurrentA),
    LINE_VOLTAGE("line_voltage_v", "line_voltage_v", "Line voltage", "V", SensorEvent::lineVoltageV),
    PEAK_0("peak_0", "peak_0", "Peak 0", "", event -> event.peaks()[0]),
    PEAK_1("peak_1", "peak_1", "Peak 1", "", event -> event.peaks()[1]),
    PEAK_2("peak_2", "peak_2", "Peak 2", "", event -> event.peaks()[2]);

    /** Every feature in vector order; a feature's index in it is its {@link #ordinal()}. */
    public static final List<Feature> ALL = List.of(values());

    /** The length of a feature vector. */
    public static final int COUNT = ALL.size();

    /** The peaks an event needs for a place in the feature space. */
    static final int PEAKS_NEEDED = 3;

    private final String column;
    private final String jsonName;
    private final String title;
    private final String unit;
    private final ToDoubleFunction<SensorEvent> reader;

    Feature(String column, String jsonName, String title, String unit, ToDoubleFunction<SensorEvent> reader) {
        this.column = column;
        this.jsonName = jsonName;
        this.title = title;
        this.unit = unit;
        this.reader = reader;
    }

    /** The column of {@code sensor_event} that stores it. */
    public String column() {
        return column;
    }

    /**
     * Its name in the API: the original's spelling, section first (its summary's averages are
     * {@code "avg_" + jsonName}), snake_case like every member the services define.
     */
    public String jsonName() {
        return jsonName;
    }

    /** What it is, for people: a chart's axis title. */
    public String title() {
        return title;
    }

    /** Its unit as the sensor writes it; empty for the peaks, which the format gives none. */
    public String unit() {
        return unit;
    }

    /** Its value in the event; the event must have a place in the feature space ({@link SensorEvent#features()}). */
    double of(SensorEvent event) {
        return reader.applyAsDouble(event);
    }
}
