package io.energysensors.logservice.events;

import java.util.List;

/**
 * The columns of {@code sensor_event} (V1 migration) that storing an event fills, in the order
 * the ingest writers send their values. The one list of them: {@link SensorEventEntity} maps the same
 * columns, and EventTableTests holds the list, the entity and the migrations to one another.
 */
public final class EventTable {

    public static final String NAME = "sensor_event";

    public static final List<String> COLUMNS = List.of(
            "id",
            "device_id",
            "firmware",
            "event_code",
            "measured_at",
            "coil_reversed",
            "active_power_w",
            "reactive_power_var",
            "apparent_power_va",
            "line_current_a",
            "line_voltage_v",
            "line_phase_rad",
            "frequency_hz",
            "peaks",
            "fft_re",
            "fft_img",
            "peak_0",
            "peak_1",
            "peak_2",
            "wifi_strength_dbm",
            "dummy",
            "received_at");

    /** {@link #COLUMNS} as an SQL column list: {@code id, device_id, ...}. */
    public static final String COLUMN_LIST = String.join(", ", COLUMNS);

    private EventTable() {}
}
