package io.energysensors.benchmarks.ingest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;

/**
 * What embedded H2 alone can insert on this machine, one thread, nothing else running: the
 * log service's schema (its Flyway migrations, run as they are), rows shaped like the sample's
 * events, and the service's write pattern (INSERTs of 100 rows, ten to a JDBC batch, one commit
 * per 1000 rows, {@code WRITE_DELAY=0}). The ceiling the service's 1000-line batches into H2 are
 * measured against; the values are random, so the row contents are not the service's.
 *
 * <pre>
 * java -cp ... io.energysensors.benchmarks.ingest.H2InsertLoop [seconds, default 20] [warm-up seconds, default 10]
 *     [devices, default 1] [--without-device-index]
 * </pre>
 * With one device, as in the sample, the device index appends like the primary key; with many,
 * its entries land all over the tree. Prints a line per round of 100,000 rows, then the median
 * of the rounds after the warm-up.
 */
public final class H2InsertLoop {

    private static final int COLUMNS = 22;
    private static final int ROWS_PER_STATEMENT = 100;
    private static final int ROWS_PER_COMMIT = 1000;
    private static final int ROWS_PER_ROUND = 100_000;

    private H2InsertLoop() {}

    public static void main(String[] args) throws IOException, SQLException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warmupSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int devices = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        boolean deviceIndex = !List.of(args).contains("--without-device-index");
        Path directory = Files.createTempDirectory("h2-insert-loop");
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + directory.resolve("events") + ";WRITE_DELAY=0", "sa", "")) {
            migrate(connection, deviceIndex);
            connection.setAutoCommit(false);
            new Rounds(connection, devices).run(warmupSeconds, seconds, deviceIndex);
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Collections.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void migrate(Connection connection, boolean deviceIndex) throws IOException, SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String command : Migrations.statements()) {
                if (deviceIndex || !command.contains("CREATE INDEX")) {
                    statement.execute(command);
                }
            }
        }
    }

    /** Inserts rounds of rows until the time is up; each round reports its rate and CPU per row. */
    private static final class Rounds {

        private final Connection connection;
        private final int devices;
        private final Random random = new Random(42);
        private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC);
        private final byte[] peaks = new byte[10 * Double.BYTES];
        private final byte[] harmonics = new byte[9 * Double.BYTES];
        private long nextId;

        Rounds(Connection connection, int devices) {
            this.connection = connection;
            this.devices = devices;
        }

        void run(int warmupSeconds, int seconds, boolean deviceIndex) throws SQLException {
            String row = "(" + String.join(", ", Collections.nCopies(COLUMNS, "?")) + ")";
            String insert = "INSERT INTO sensor_event VALUES "
                    + String.join(", ", Collections.nCopies(ROWS_PER_STATEMENT, row));
            List<Double> rates = new ArrayList<>();
            double last = Double.NaN;
            long measured = System.nanoTime() + warmupSeconds * 1_000_000_000L;
            long deadline = measured + seconds * 1_000_000_000L;
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                for (int round = 1; System.nanoTime() < deadline; round++) {
                    long cpu = os.getProcessCpuTime();
                    long began = System.nanoTime();
                    for (int commit = 0; commit < ROWS_PER_ROUND / ROWS_PER_COMMIT; commit++) {
                        for (int chunk = 0; chunk < ROWS_PER_COMMIT / ROWS_PER_STATEMENT; chunk++) {
                            bindRows(statement);
                            statement.addBatch();
                        }
                        statement.executeBatch();
                        connection.commit();
                    }
                    double rate = ROWS_PER_ROUND / ((System.nanoTime() - began) / 1e9);
                    double cpuMicros = (os.getProcessCpuTime() - cpu) / 1e3 / ROWS_PER_ROUND;
                    System.out.printf(
                            "round %d: %.0f rows/s, %.1f us of process CPU per row%n", round, rate, cpuMicros);
                    if (began >= measured) {
                        rates.add(rate);
                    }
                    last = rate;
                }
            }
            if (rates.isEmpty()) {
                // Every round began in the warm-up (a quick run): the last one stands in.
                rates.add(last);
            }
            Collections.sort(rates);
            System.out.printf(
                    "devices=%d device_index=%s rows_per_s=%.0f (median of the rounds after the warm-up)%n",
                    devices, deviceIndex, rates.get(rates.size() / 2));
        }

        private void bindRows(PreparedStatement statement) throws SQLException {
            for (int row = 0; row < ROWS_PER_STATEMENT; row++) {
                int at = row * COLUMNS;
                long id = ++nextId;
                statement.setLong(at + 1, id);
                statement.setLong(at + 2, 1 + random.nextInt(devices));
                statement.setLong(at + 3, 16_071_801);
                statement.setLong(at + 4, 2);
                statement.setObject(at + 5, start.plusSeconds(id));
                statement.setBoolean(at + 6, false);
                // Powers, current, voltage, phase and frequency; then the arrays; then the first
                // three peaks, Wi-Fi strength and the dummy; then the time received.
                for (int column = 7; column <= 13; column++) {
                    statement.setDouble(at + column, random.nextDouble() * 1000);
                }
                random.nextBytes(peaks);
                random.nextBytes(harmonics);
                statement.setBytes(at + 14, peaks);
                statement.setBytes(at + 15, harmonics);
                statement.setBytes(at + 16, harmonics);
                for (int column = 17; column <= 21; column++) {
                    statement.setDouble(at + column, random.nextDouble());
                }
                statement.setObject(at + 22, start);
            }
        }
    }
}
