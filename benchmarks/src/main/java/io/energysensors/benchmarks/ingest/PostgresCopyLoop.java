package io.energysensors.benchmarks.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * What PostgreSQL alone takes by bare {@code COPY ... FROM STDIN (FORMAT binary)}, one thread:
 * the log service's schema (its Flyway migrations, in a schema of their own), rows shaped like
 * the sample's events, 1000 rows per COPY and commit, as the service's 1000-line batches. The
 * ceiling those batches into PostgreSQL are measured against: the rows are encoded once, with
 * random values, and each COPY only renumbers their ids, so the loop does nothing but COPY.
 *
 * <pre>
 * java -cp ... io.energysensors.benchmarks.ingest.PostgresCopyLoop JDBC_URL USER PASSWORD
 *     [seconds, default 20] [warm-up seconds, default 10]
 * </pre>
 * Prints a line per round of 100,000 rows, then the median of the rounds after the warm-up.
 */
public final class PostgresCopyLoop {

    private static final String SCHEMA = "copy_loop";
    private static final String COPY = "COPY sensor_event FROM STDIN (FORMAT binary)";
    private static final short COLUMNS = 22;
    private static final int ROWS_PER_COMMIT = 1000;
    private static final int ROWS_PER_ROUND = 100_000;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** Microseconds from PostgreSQL's epoch (2000-01-01) to about now. */
    private static final long NOW_MICROS = 850_000_000_000_000L;

    private PostgresCopyLoop() {}

    public static void main(String[] args) throws IOException, SQLException {
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int warmupSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                statement.execute("CREATE SCHEMA " + SCHEMA);
                statement.execute("SET search_path TO " + SCHEMA);
                for (String command : Migrations.statements()) {
                    statement.execute(command);
                }
            }
            connection.setAutoCommit(false);
            run(connection, warmupSeconds, seconds);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
            }
            connection.commit();
        }
    }

    private static void run(Connection connection, int warmupSeconds, int seconds) throws IOException, SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Rows rows = Rows.random(new Random(42));
        List<Double> rates = new ArrayList<>();
        double last = Double.NaN;
        long nextId = 0;
        long measured = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long deadline = measured + seconds * 1_000_000_000L;
        for (int round = 1; System.nanoTime() < deadline; round++) {
            long began = System.nanoTime();
            for (int commit = 0; commit < ROWS_PER_ROUND / ROWS_PER_COMMIT; commit++) {
                ByteBuffer stream = rows.numberedFrom(nextId);
                nextId += ROWS_PER_COMMIT;
                copy.copyIn(COPY, new ByteArrayInputStream(stream.array(), 0, stream.position()));
                connection.commit();
            }
            double rate = ROWS_PER_ROUND / ((System.nanoTime() - began) / 1e9);
            System.out.printf("round %d: %.0f rows/s%n", round, rate);
            if (began >= measured) {
                rates.add(rate);
            }
            last = rate;
        }
        if (rates.isEmpty()) {
            // Every round began in the warm-up (a quick run): the last one stands in.
            rates.add(last);
        }
        Collections.sort(rates);
        System.out.printf("rows_per_s=%.0f (median of the rounds after the warm-up)%n", rates.get(rates.size() / 2));
    }

    /** One COPY stream of {@link #ROWS_PER_COMMIT} rows in the table's column order, and where each row's id is. */
    private record Rows(ByteBuffer stream, int[] idAt) {

        static Rows random(Random random) {
            ByteBuffer out = ByteBuffer.allocate(ROWS_PER_COMMIT * 512);
            int[] idAt = new int[ROWS_PER_COMMIT];
            out.put(SIGNATURE).putInt(0).putInt(0);
            for (int row = 0; row < ROWS_PER_COMMIT; row++) {
                out.putShort(COLUMNS);
                idAt[row] = out.position() + Integer.BYTES;
                int8(out, 0);
                int8(out, 1);
                int8(out, 16_071_801);
                int8(out, 2);
                int8(out, NOW_MICROS + row * 1_000_000L);
                out.putInt(1).put((byte) 0);
                // Powers, current, voltage, phase and frequency; the arrays (10 peaks, 9 harmonics
                // twice); the first three peaks, Wi-Fi strength and the dummy; the time received.
                for (int column = 7; column <= 13; column++) {
                    float8(out, random.nextDouble() * 1000);
                }
                doubles(out, random, 10);
                doubles(out, random, 9);
                doubles(out, random, 9);
                for (int column = 17; column <= 21; column++) {
                    float8(out, random.nextDouble());
                }
                int8(out, NOW_MICROS);
            }
            out.putShort((short) -1);
            return new Rows(out, idAt);
        }

        /** The stream with ids {@code firstId + 1 ..}; the ids are the primary key. */
        ByteBuffer numberedFrom(long firstId) {
            for (int row = 0; row < idAt.length; row++) {
                stream.putLong(idAt[row], firstId + row + 1);
            }
            return stream;
        }
    }

    private static void int8(ByteBuffer out, long value) {
        out.putInt(Long.BYTES).putLong(value);
    }

    private static void float8(ByteBuffer out, double value) {
        out.putInt(Double.BYTES).putDouble(value);
    }

    private static void doubles(ByteBuffer out, Random random, int count) {
        out.putInt(count * Double.BYTES);
        for (int i = 0; i < count; i++) {
            out.putDouble(random.nextDouble());
        }
    }
}
