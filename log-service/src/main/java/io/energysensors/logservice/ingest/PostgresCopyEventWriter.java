package io.energysensors.logservice.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import io.energysensors.format.event.SensorEvent;
import io.energysensors.logservice.events.EventTable;
import io.energysensors.logservice.events.Float64Array;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes events on PostgreSQL with {@code COPY ... FROM STDIN} in the binary format: the rows go
 * as one stream that the server neither parses as text nor plans statement by statement, which
 * makes it several times faster than batched INSERTs. The values are {@link JdbcBatchEventWriter}'s.
 */
final class PostgresCopyEventWriter implements EventWriter {

    private static final String COPY =
            "COPY " + EventTable.NAME + " (" + EventTable.COLUMN_LIST + ") FROM STDIN (FORMAT binary)";
    private static final short COLUMNS = (short) EventTable.COLUMNS.size();
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** PostgreSQL counts time in microseconds from 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_SECOND =
            Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();

    /** The largest array the JDK allocates, a little below {@code Integer.MAX_VALUE}. */
    private static final long MAX_STREAM = Integer.MAX_VALUE - 16;

    private final JdbcTemplate jdbc;

    /** @param jdbc on the DataSource of the caller's transaction, so it copies on that connection */
    PostgresCopyEventWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(List<SensorEvent> events, long[] ids, Instant receivedAt) {
        ByteBuffer rows = encode(events, ids, receivedAt);
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            copyIn(connection, rows);
            return null;
        });
    }

    private static void copyIn(Connection connection, ByteBuffer rows) throws SQLException {
        try {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(COPY, new ByteArrayInputStream(rows.array(), 0, rows.position()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The COPY stream, big-endian as the format wants, in a buffer of exactly its size.
     *
     * @throws IllegalArgumentException when the stream would not fit one array; a commit group's
     *     bound ({@code energy-sensors.ingest.commit.max-bytes}) keeps it far below that
     */
    static ByteBuffer encode(List<SensorEvent> events, long[] ids, Instant receivedAt) {
        long size = streamBytes(events);
        if (size > MAX_STREAM) {
            throw new IllegalArgumentException(
                    "a COPY stream of " + size + " bytes is more than one buffer holds (" + MAX_STREAM + ")");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        out.put(SIGNATURE).putInt(0).putInt(0);
        long received = micros(receivedAt);
        for (int i = 0; i < events.size(); i++) {
            writeRow(out, ids[i], events.get(i), received);
        }
        return out.putShort((short) -1);
    }

    /** Header, rows and trailer, counted in a long so that no number of events can overflow it. */
    static long streamBytes(List<SensorEvent> events) {
        long size = SIGNATURE.length + 2 * Integer.BYTES + Short.BYTES;
        for (SensorEvent event : events) {
            size += rowBytes(event);
        }
        return size;
    }

    /** Field count, then per field its length and bytes; a null peak_k has length -1 and none. */
    private static long rowBytes(SensorEvent event) {
        long arrays = (long) event.peaks().length + event.fftRe().length + event.fftImg().length;
        int presentPeaks = Math.min(3, event.peaks().length);
        return Short.BYTES + COLUMNS * Integer.BYTES + 1 + (6 + 7 + presentPeaks + 2 + arrays) * Long.BYTES;
    }

    /** In the order of {@link EventTable#COLUMNS}. */
    private static void writeRow(ByteBuffer out, long id, SensorEvent event, long receivedAt) {
        out.putShort(COLUMNS);
        int8(out, id);
        int8(out, event.deviceId());
        int8(out, event.firmware());
        int8(out, event.eventCode());
        int8(out, micros(event.measuredAt()));
        out.putInt(1).put((byte) (event.coilReversed() ? 1 : 0));
        float8(out, event.activePowerW());
        float8(out, event.reactivePowerVar());
        float8(out, event.apparentPowerVa());
        float8(out, event.lineCurrentA());
        float8(out, event.lineVoltageV());
        float8(out, event.linePhaseRad());
        float8(out, event.frequencyHz());
        bytea(out, event.peaks());
        bytea(out, event.fftRe());
        bytea(out, event.fftImg());
        for (int peak = 0; peak < 3; peak++) {
            if (peak < event.peaks().length) {
                float8(out, event.peaks()[peak]);
            } else {
                out.putInt(-1);
            }
        }
        float8(out, event.wifiStrengthDbm());
        float8(out, event.dummy());
        int8(out, receivedAt);
    }

    private static void int8(ByteBuffer out, long value) {
        out.putInt(Long.BYTES).putLong(value);
    }

    private static void float8(ByteBuffer out, double value) {
        out.putInt(Double.BYTES).putDouble(value);
    }

    /** The stored form of an array (Float64Array), as bytea. */
    private static void bytea(ByteBuffer out, double[] values) {
        out.putInt(Math.multiplyExact(values.length, Double.BYTES));
        Float64Array.write(values, out);
    }

    /** Rounded to the nearest microsecond, halves up, as the JDBC driver sends an INSERT's time. */
    static long micros(Instant instant) {
        // Not ChronoUnit.MICROS.between: it counts in nanoseconds, which overflow beyond 292 years.
        long micros = (instant.getEpochSecond() - POSTGRES_EPOCH_SECOND) * 1_000_000 + instant.getNano() / 1000;
        return instant.getNano() % 1000 >= 500 ? micros + 1 : micros;
    }
}
