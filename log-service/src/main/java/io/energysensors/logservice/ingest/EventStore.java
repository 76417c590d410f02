package io.energysensors.logservice.ingest;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

import io.energysensors.format.event.SensorEvent;
import io.energysensors.logservice.events.Float64Array;
import io.energysensors.logservice.events.StoredEventCount;
import io.energysensors.logservice.system.MultiRowInserts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Writes events within the caller's transaction ({@link GroupCommit}'s, which commits them), and
 * moves the stored count with them ({@link StoredEventCount}). On PostgreSQL the rows go by COPY
 * ({@link PostgresCopy}); elsewhere in multi-row INSERTs of {@link #ROWS_PER_STATEMENT} sent as
 * one JDBC batch ({@link MultiRowInserts}).
 */
@Service
class EventStore {

    private static final int ROWS_PER_STATEMENT = 100;

    private static final int COLUMNS = 22;
    private static final String INSERT_CHUNK = insertStatement(ROWS_PER_STATEMENT);

    private final JdbcTemplate jdbc;
    private final EventIdAllocator ids;
    private final StoredEventCount count;
    private final ApplicationEventPublisher publisher;

    EventStore(JdbcTemplate jdbc, EventIdAllocator ids, StoredEventCount count, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.count = count;
        this.publisher = publisher;
    }

    int store(List<SensorEvent> events) {
        long[] eventIds = ids.allocate(events.size());
        Instant receivedAt = Instant.now();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            if (PostgresCopy.supports(connection)) {
                PostgresCopy.copy(connection, events, eventIds, receivedAt);
            } else {
                // The same connection: jdbc hands out the one bound to the caller's transaction.
                insert(events, eventIds, receivedAt);
            }
            return null;
        });
        count.add(events.size());
        publisher.publishEvent(new EventsStored(events.size()));
        return events.size();
    }

    /** The statements for any database; PostgreSQL takes the faster COPY instead. */
    void insert(List<SensorEvent> events, long[] eventIds, Instant receivedAt) {
        OffsetDateTime received = utc(receivedAt);
        MultiRowInserts.insert(
                jdbc,
                events.size(),
                ROWS_PER_STATEMENT,
                INSERT_CHUNK,
                EventStore::insertStatement,
                (statement, first, rows) -> bindRows(statement, first, rows, events, eventIds, received));
    }

    private static String insertStatement(int rows) {
        String row = "(" + String.join(", ", Collections.nCopies(COLUMNS, "?")) + ")";
        return """
                INSERT INTO sensor_event (id, device_id, firmware, event_code, measured_at, coil_reversed,
                    active_power_w, reactive_power_var, apparent_power_va, line_current_a, line_voltage_v,
                    line_phase_rad, frequency_hz, peaks, fft_re, fft_img, peak_0, peak_1, peak_2,
                    wifi_strength_dbm, dummy, received_at)
                VALUES """ + String.join(", ", Collections.nCopies(rows, row));
    }

    private static void bindRows(
            PreparedStatement statement,
            int first,
            int rows,
            List<SensorEvent> events,
            long[] eventIds,
            OffsetDateTime receivedAt)
            throws SQLException {
        for (int row = 0; row < rows; row++) {
            bind(statement, row * COLUMNS, eventIds[first + row], events.get(first + row), receivedAt);
        }
    }

    private static void bind(PreparedStatement row, int at, long id, SensorEvent event, OffsetDateTime receivedAt)
            throws SQLException {
        row.setLong(at + 1, id);
        row.setLong(at + 2, event.deviceId());
        row.setLong(at + 3, event.firmware());
        row.setLong(at + 4, event.eventCode());
        row.setObject(at + 5, utc(event.measuredAt()));
        row.setBoolean(at + 6, event.coilReversed());
        row.setDouble(at + 7, event.activePowerW());
        row.setDouble(at + 8, event.reactivePowerVar());
        row.setDouble(at + 9, event.apparentPowerVa());
        row.setDouble(at + 10, event.lineCurrentA());
        row.setDouble(at + 11, event.lineVoltageV());
        row.setDouble(at + 12, event.linePhaseRad());
        row.setDouble(at + 13, event.frequencyHz());
        row.setBytes(at + 14, Float64Array.encode(event.peaks()));
        row.setBytes(at + 15, Float64Array.encode(event.fftRe()));
        row.setBytes(at + 16, Float64Array.encode(event.fftImg()));
        for (int peak = 0; peak < 3; peak++) {
            if (peak < event.peaks().length) {
                row.setDouble(at + 17 + peak, event.peaks()[peak]);
            } else {
                row.setNull(at + 17 + peak, Types.DOUBLE);
            }
        }
        row.setDouble(at + 20, event.wifiStrengthDbm());
        row.setDouble(at + 21, event.dummy());
        row.setObject(at + 22, receivedAt);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
