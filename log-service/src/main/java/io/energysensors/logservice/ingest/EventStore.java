package io.energysensors.logservice.ingest;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.energysensors.format.event.SensorEvent;
import io.energysensors.logservice.events.Float64Array;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a batch of events in one transaction with one JDBC batch: returning from
 * {@link #store} means committed, which is what lets the controller acknowledge.
 */
@Service
class EventStore {

    private static final String INSERT = """
            INSERT INTO sensor_event (id, device_id, firmware, event_code, measured_at, coil_reversed,
                active_power_w, reactive_power_var, apparent_power_va, line_current_a, line_voltage_v,
                line_phase_rad, frequency_hz, peaks, fft_re, fft_img, peak_0, peak_1, peak_2,
                wifi_strength_dbm, dummy, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final EventIdAllocator ids;

    EventStore(JdbcTemplate jdbc, EventIdAllocator ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    @Transactional
    public int store(List<SensorEvent> events) {
        long[] eventIds = ids.allocate(events.size());
        OffsetDateTime receivedAt = utc(Instant.now());
        jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement row, int i) throws SQLException {
                bind(row, eventIds[i], events.get(i), receivedAt);
            }

            @Override
            public int getBatchSize() {
                return events.size();
            }
        });
        return events.size();
    }

    private static void bind(PreparedStatement row, long id, SensorEvent event, OffsetDateTime receivedAt)
            throws SQLException {
        row.setLong(1, id);
        row.setLong(2, event.deviceId());
        row.setLong(3, event.firmware());
        row.setLong(4, event.eventCode());
        row.setObject(5, utc(event.measuredAt()));
        row.setBoolean(6, event.coilReversed());
        row.setDouble(7, event.activePowerW());
        row.setDouble(8, event.reactivePowerVar());
        row.setDouble(9, event.apparentPowerVa());
        row.setDouble(10, event.lineCurrentA());
        row.setDouble(11, event.lineVoltageV());
        row.setDouble(12, event.linePhaseRad());
        row.setDouble(13, event.frequencyHz());
        row.setBytes(14, Float64Array.encode(event.peaks()));
        row.setBytes(15, Float64Array.encode(event.fftRe()));
        row.setBytes(16, Float64Array.encode(event.fftImg()));
        for (int peak = 0; peak < 3; peak++) {
            if (peak < event.peaks().length) {
                row.setDouble(17 + peak, event.peaks()[peak]);
            } else {
                row.setNull(17 + peak, Types.DOUBLE);
            }
        }
        row.setDouble(20, event.wifiStrengthDbm());
        row.setDouble(21, event.dummy());
        row.setObject(22, receivedAt);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
