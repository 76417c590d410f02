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
import io.energysensors.logservice.events.EventTable;
import io.energysensors.logservice.events.Float64Array;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes events as multi-row INSERTs of {@link #ROWS_PER_STATEMENT} rows sent as one JDBC batch,
 * then one INSERT for the rest: the statements for any database. H2 runs a JDBC batch statement
 * by statement, and one statement per 100 rows costs it a quarter less than one per row.
 */
final class JdbcBatchEventWriter implements EventWriter {

    private static final int ROWS_PER_STATEMENT = 100;
    private static final int COLUMNS = EventTable.COLUMNS.size();
    private static final String FULL_STATEMENT = insertStatement(ROWS_PER_STATEMENT);

    private final JdbcTemplate jdbc;

    /** @param jdbc on the DataSource of the caller's transaction, so it writes on that connection */
    JdbcBatchEventWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(List<SensorEvent> events, long[] ids, Instant receivedAt) {
        OffsetDateTime received = utc(receivedAt);
        int chunks = events.size() / ROWS_PER_STATEMENT;
        if (chunks > 0) {
            jdbc.batchUpdate(FULL_STATEMENT, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement statement, int chunk) throws SQLException {
                    bindRows(statement, chunk * ROWS_PER_STATEMENT, ROWS_PER_STATEMENT, events, ids, received);
                }

                @Override
                public int getBatchSize() {
                    return chunks;
                }
            });
        }
        int first = chunks * ROWS_PER_STATEMENT;
        int rest = events.size() - first;
        if (rest > 0) {
            jdbc.update(insertStatement(rest), statement -> bindRows(statement, first, rest, events, ids, received));
        }
    }

    private static String insertStatement(int rows) {
        String row = "(" + String.join(", ", Collections.nCopies(COLUMNS, "?")) + ")";
        return "INSERT INTO " + EventTable.NAME + " (" + EventTable.COLUMN_LIST + ") VALUES "
                + String.join(", ", Collections.nCopies(rows, row));
    }

    /** Binds events {@code first .. first + rows - 1} to the parameters of one INSERT. */
    private static void bindRows(
            PreparedStatement statement,
            int first,
            int rows,
            List<SensorEvent> events,
            long[] ids,
            OffsetDateTime receivedAt)
            throws SQLException {
        for (int row = 0; row < rows; row++) {
            bind(statement, row * COLUMNS, ids[first + row], events.get(first + row), receivedAt);
        }
    }

    /** In the order of {@link EventTable#COLUMNS}. */
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
