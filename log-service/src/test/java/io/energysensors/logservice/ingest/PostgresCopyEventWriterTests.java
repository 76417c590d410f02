package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import io.energysensors.format.event.SensorEvent;
import io.energysensors.logservice.EmbeddedPostgresHolder;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.StoredEvents;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * COPY must store exactly what the INSERTs store ({@link PostgresCopyEventWriter} and
 * {@link JdbcBatchEventWriter}): the same events go both ways into a real
 * PostgreSQL (a schema of their own), and every column of the two copies is compared there.
 */
class PostgresCopyEventWriterTests {

    /** The INSERTed copy of event n gets id n, the COPYed one id n + this. */
    private static final long COPY_ID_OFFSET = 1_000_000;

    private DriverManagerDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void migrateOwnSchema() {
        dataSource = new DriverManagerDataSource(EmbeddedPostgresHolder.jdbcUrl() + "&currentSchema=copy_tests");
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("copy_tests")
                .cleanDisabled(false)
                .load()
                .clean();
        Flyway.configure().dataSource(dataSource).schemas("copy_tests").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void copyStoresEveryColumnAsTheInsertsDo() throws MetaDataAccessException {
        List<SensorEvent> events = new ArrayList<>(
                Samples.lines().stream().map(StoredEvents::expected).toList());
        events.addAll(edgeCases());
        long[] insertIds = LongStream.rangeClosed(1, events.size()).toArray();
        long[] copyIds = LongStream.of(insertIds).map(id -> id + COPY_ID_OFFSET).toArray();
        Instant receivedAt = Instant.parse("2026-11-28T12:34:56.123456789Z");

        assertThat(PostgresCopyEventWriter.encode(events, copyIds, receivedAt).hasRemaining())
                .as("sized exactly")
                .isFalse();
        new JdbcBatchEventWriter(jdbc).write(events, insertIds, receivedAt);
        EventWriter copy = EventWriter.forDatabaseOf(dataSource);
        assertThat(copy).isInstanceOf(PostgresCopyEventWriter.class);
        copy.write(events, copyIds, receivedAt);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sensor_event", Long.class))
                .isEqualTo(2L * events.size());
        List<Long> differing = jdbc.queryForList("""
                SELECT i.id FROM sensor_event i JOIN sensor_event c ON c.id = i.id + ?
                WHERE (i.device_id, i.firmware, i.event_code, i.measured_at, i.coil_reversed, i.active_power_w,
                       i.reactive_power_var, i.apparent_power_va, i.line_current_a, i.line_voltage_v,
                       i.line_phase_rad, i.frequency_hz, i.peaks, i.fft_re, i.fft_img, i.peak_0, i.peak_1,
                       i.peak_2, i.wifi_strength_dbm, i.dummy, i.received_at)
                   IS DISTINCT FROM
                      (c.device_id, c.firmware, c.event_code, c.measured_at, c.coil_reversed, c.active_power_w,
                       c.reactive_power_var, c.apparent_power_va, c.line_current_a, c.line_voltage_v,
                       c.line_phase_rad, c.frequency_hz, c.peaks, c.fft_re, c.fft_img, c.peak_0, c.peak_1,
                       c.peak_2, c.wifi_strength_dbm, c.dummy, c.received_at)""", Long.class, COPY_ID_OFFSET);
        assertThat(differing).isEmpty();
        // IS DISTINCT FROM compares -0.0 and 0.0 as equal: their bits must match too.
        assertThat(jdbc.queryForList("""
                SELECT i.id FROM sensor_event i JOIN sensor_event c ON c.id = i.id + ?
                WHERE CAST(i.active_power_w AS TEXT) <> CAST(c.active_power_w AS TEXT)""", Long.class, COPY_ID_OFFSET)).isEmpty();
    }

    @Test
    void timesAreRoundedToTheMicrosecondHalvesUp() {
        Instant epoch = Instant.parse("2000-01-01T00:00:00Z");

        assertThat(PostgresCopyEventWriter.micros(epoch)).isZero();
        assertThat(PostgresCopyEventWriter.micros(epoch.plusNanos(1_499))).isEqualTo(1);
        assertThat(PostgresCopyEventWriter.micros(epoch.plusNanos(1_500))).isEqualTo(2);
        assertThat(PostgresCopyEventWriter.micros(epoch.minusNanos(1))).isZero();
        assertThat(PostgresCopyEventWriter.micros(epoch.minusNanos(500))).isZero();
        assertThat(PostgresCopyEventWriter.micros(epoch.minusNanos(501))).isEqualTo(-1);
        assertThat(PostgresCopyEventWriter.micros(Instant.parse("1970-01-01T00:00:00Z")))
                .isEqualTo(-946_684_800_000_000L);
    }

    /** Values at the edges of each column's type, and times whose sub-microsecond part rounds. */
    private static List<SensorEvent> edgeCases() {
        List<SensorEvent> events = new ArrayList<>();
        double[][] peaks = {{}, {1.5}, {1.5, -2.5}, {Double.MIN_VALUE, -Double.MAX_VALUE, 1e-300, 4}};
        double[] odd = {-0.0, 0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MIN_NORMAL, 7.311999799999999};
        String[] times = {
            "0001-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999999500Z",
            "1999-12-31T23:59:59.999999499Z",
            "2000-01-01T00:00:00.000000500Z",
            "2016-10-04T16:47:50Z",
            "9999-12-31T23:59:59.999999Z"
        };
        Random random = new Random(20261128);
        for (int i = 0; i < 24; i++) {
            double value = odd[i % odd.length];
            events.add(new SensorEvent(
                    i % 2 == 0 ? Long.MAX_VALUE - i : Long.MIN_VALUE + i,
                    -i,
                    i,
                    Instant.parse(times[i % times.length]).plusNanos(random.nextInt(1000)),
                    i % 3 == 0,
                    value,
                    -value,
                    random.nextGaussian(),
                    random.nextDouble(),
                    1e300,
                    -1e-300,
                    value,
                    peaks[i % peaks.length],
                    i % 5 == 0 ? new double[0] : new double[] {value, i},
                    new double[] {-i, random.nextDouble()},
                    value,
                    i));
        }
        return events;
    }
}
