package io.energysensors.logservice.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

import io.energysensors.logservice.EmbeddedKafkaHolder;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.ServiceProcess;
import io.energysensors.logservice.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL stops while records come in through Kafka and starts again on the same data
 * directory and port: the consumer holds the records it could not store and tries them again
 * (no offset is committed past them), so once the database is back every record is stored, and
 * exactly once. Its own PostgreSQL, so stopping it disturbs no other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@DirtiesContext
class KafkaDuringDatabaseOutageTests {

    private static final int BEFORE_OUTAGE = 100;
    private static final int DURING_OUTAGE = 200;
    private static final Duration RECOVERY = Duration.ofMinutes(2);
    private static final String SAMPLE_DUMMY = "Dummy: 20";

    private static final String TOPIC = EmbeddedKafkaHolder.newTopic("outage-lines", 2);
    private static final String GROUP = "log-service-" + TOPIC;
    private static final Path DATA_DIR = temporaryDirectory();
    private static final int PORT = freePort();
    private static final AtomicReference<EmbeddedPostgres> POSTGRES = new AtomicReference<>();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void ownPostgresAndKafka(DynamicPropertyRegistry registry) {
        if (POSTGRES.get() == null) {
            startPostgres();
            Runtime.getRuntime().addShutdownHook(new Thread(KafkaDuringDatabaseOutageTests::stopPostgres));
        }
        String url = POSTGRES.get().getJdbcUrl("postgres", "postgres");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("energy-sensors.kafka.bootstrap-servers", EmbeddedKafkaHolder::bootstrapServers);
        registry.add("energy-sensors.kafka.topic", () -> TOPIC);
        registry.add("energy-sensors.kafka.group-id", () -> GROUP);
    }

    @Test
    void holdsTheRecordsWhileTheDatabaseIsDownAndStoresEachOnceWhenItIsBack() throws Exception {
        long device = Samples.newDevice();
        publish(device, 0, BEFORE_OUTAGE);
        await().atMost(RECOVERY).until(() -> storedDummies(device).size() == BEFORE_OUTAGE);
        await().atMost(RECOVERY).until(() -> EmbeddedKafkaHolder.lag(TOPIC, GROUP) == 0);

        stopPostgres();
        TestServer server = new TestServer(port);
        await().atMost(RECOVERY).until(() -> server.get("/actuator/health").status() == 503);
        publish(device, BEFORE_OUTAGE, DURING_OUTAGE);
        // Nothing can be stored, so no offset may move past the new records: none is skipped.
        await().during(Duration.ofSeconds(5))
                .atMost(RECOVERY)
                .until(() -> EmbeddedKafkaHolder.lag(TOPIC, GROUP) == DURING_OUTAGE);

        startPostgres();
        await().atMost(RECOVERY).until(() -> EmbeddedKafkaHolder.lag(TOPIC, GROUP) == 0);
        assertThat(storedDummies(device))
                .containsExactlyInAnyOrderElementsOf(LongStream.range(0, BEFORE_OUTAGE + DURING_OUTAGE)
                        .boxed()
                        .toList());
    }

    /** Lines of the device with Dummy set to {@code first .. first + count - 1}, one per record. */
    private static void publish(long device, int first, int count) throws Exception {
        List<String> lines = LongStream.range(first, first + count)
                .mapToObj(dummy -> Samples.withDevice(
                                Samples.lines()
                                        .get((int) (dummy % Samples.lines().size())),
                                device)
                        .replace(SAMPLE_DUMMY, "Dummy: " + dummy))
                .toList();
        LineProducer.publish(
                new LineProducer.Arguments(EmbeddedKafkaHolder.bootstrapServers(), TOPIC, 1, Path.of("unused")), lines);
    }

    private static List<Long> storedDummies(long device) {
        JdbcTemplate database = new JdbcTemplate(
                new DriverManagerDataSource(POSTGRES.get().getJdbcUrl("postgres", "postgres"), "postgres", "postgres"));
        return database.queryForList(
                "SELECT CAST(dummy AS BIGINT) FROM sensor_event WHERE device_id = ?", Long.class, device);
    }

    /** A PostgreSQL on the same port and data directory each time; the first start creates the cluster. */
    private static synchronized void startPostgres() {
        try {
            POSTGRES.set(EmbeddedPostgres.builder()
                    .setDataDirectory(DATA_DIR)
                    .setCleanDataDirectory(false)
                    .setPort(PORT)
                    .setServerConfig("synchronous_commit", "on")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    private static synchronized void stopPostgres() {
        EmbeddedPostgres running = POSTGRES.getAndSet(null);
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("log-service-kafka-outage-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try {
            return ServiceProcess.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
