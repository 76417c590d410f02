package io.energysensors.logservice.system;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.IntFunction;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows as multi-row INSERTs of a fixed size sent as one JDBC batch, then one INSERT
 * for the rest. H2 runs a JDBC batch statement by statement, and one statement per 100 rows costs
 * it a quarter less than one per row; PostgreSQL gains the same from fewer round trips.
 */
public final class MultiRowInserts {

    /** Binds rows {@code first .. first + rows - 1} to the parameters of one INSERT. */
    @FunctionalInterface
    public interface RowBinder {
        void bind(PreparedStatement statement, int first, int rows) throws SQLException;
    }

    private MultiRowInserts() {}

    /**
     * @param insertForRows the INSERT statement for the given number of rows
     * @param fullStatement the INSERT for {@code rowsPerStatement} rows, built once by the caller
     */
    public static void insert(
            JdbcTemplate jdbc,
            int rowCount,
            int rowsPerStatement,
            String fullStatement,
            IntFunction<String> insertForRows,
            RowBinder binder) {
        int chunks = rowCount / rowsPerStatement;
        if (chunks > 0) {
            jdbc.batchUpdate(fullStatement, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement statement, int chunk) throws SQLException {
                    binder.bind(statement, chunk * rowsPerStatement, rowsPerStatement);
                }

                @Override
                public int getBatchSize() {
                    return chunks;
                }
            });
        }
        int rest = rowCount - chunks * rowsPerStatement;
        if (rest > 0) {
            jdbc.update(
                    insertForRows.apply(rest), statement -> binder.bind(statement, chunks * rowsPerStatement, rest));
        }
    }
}
