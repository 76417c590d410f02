package io.energysensors.logservice.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import io.energysensors.format.event.SensorEvent;
import io.energysensors.logservice.events.Float64Array;
import org.postgresql.PGConnection;

/**
 * Stores events on PostgreSQL with {@code COPY ... FROM STDIN} in the binary format: the rows go
 * as one stream that the server neither parses as text nor plans statement by statement, which
 * makes it several times faster than batched INSERTs. The columns and values are the INSERT's.
 */
final class PostgresCopy {

    private static final String COPY = """
            COPY sensor_event (id, device_id, firmware, event_code, measured_at, coil_reversed,
                active_power_w, reactive_power_var, apparent_power_va, line_current_a, line_voltage_v,
                line_phase_rad, frequency_hz, peaks, fft_re, fft_img, peak_0, peak_1, peak_2,
                wifi_strength_dbm, dummy, received_at)
            FROM STDIN (FORMAT binary)""";
    private static final short COLUMNS = 22;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** PostgreSQL counts time in microseconds from 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_SECOND = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    /** Rough size of one row, so the buffer seldom grows. */
    private static final int ROW_BYTES = 512;

    private PostgresCopy() {
    }

    static boolean supports(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    static void copy(Connection connection, List<SensorEvent> events, long[] ids, Instant receivedAt)
            throws SQLException {
        byte[] rows = encode(events, ids, receivedAt);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new ByteArrayInputStream(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encode(List<SensorEvent> events, long[] ids, Instant receivedAt) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + events.size() * ROW_BYTES);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            out.write(SIGNATURE);
            out.writeInt(0);
            out.writeInt(0);
            long received = micros(receivedAt);
            for (int i = 0; i < events.size(); i++) {
                writeRow(out, ids[i], events.get(i), received);
            }
            out.writeShort(-1);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void writeRow(DataOutputStream out, long id, SensorEvent event, long receivedAt) throws IOException {
        out.writeShort(COLUMNS);
        int8(out, id);
        int8(out, event.deviceId());
        int8(out, event.firmware());
        int8(out, event.eventCode());
        int8(out, micros(event.measuredAt()));
        out.writeInt(1);
        out.writeBoolean(event.coilReversed());
        float8(out, event.activePowerW());
        float8(out, event.reactivePowerVar());
        float8(out, event.apparentPowerVa());
        float8(out, event.lineCurrentA());
        float8(out, event.lineVoltageV());
        float8(out, event.linePhaseRad());
        float8(out, event.frequencyHz());
        bytea(out, Float64Array.encode(event.peaks()));
        bytea(out, Float64Array.encode(event.fftRe()));
        bytea(out, Float64Array.encode(event.fftImg()));
        for (int peak = 0; peak < 3; peak++) {
            if (peak < event.peaks().length) {
                float8(out, event.peaks()[peak]);
            } else {
                out.writeInt(-1);
            }
        }
        float8(out, event.wifiStrengthDbm());
        float8(out, event.dummy());
        int8(out, receivedAt);
    }

    private static void int8(DataOutputStream out, long value) throws IOException {
        out.writeInt(Long.BYTES);
        out.writeLong(value);
    }

    private static void float8(DataOutputStream out, double value) throws IOException {
        out.writeInt(Double.BYTES);
        out.writeDouble(value);
    }

    private static void bytea(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    /** Rounded to the nearest microsecond, halves up, as the JDBC driver sends an INSERT's time. */
    static long micros(Instant instant) {
        // Not ChronoUnit.MICROS.between: it counts in nanoseconds, which overflow beyond 292 years.
        long micros = (instant.getEpochSecond() - POSTGRES_EPOCH_SECOND) * 1_000_000 + instant.getNano() / 1000;
        return instant.getNano() % 1000 >= 500 ? micros + 1 : micros;
    }
}
