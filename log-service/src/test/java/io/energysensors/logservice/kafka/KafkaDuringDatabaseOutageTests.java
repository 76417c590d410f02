package io.energysensors.logservice.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import io.energysensors.logservice.EmbeddedKafkaHolder;
import io.energysensors.logservice.RestartablePostgres;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.TestServer;
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
    private static final RestartablePostgres POSTGRES = new RestartablePostgres("kafka-outage");

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void ownPostgresAndKafka(DynamicPropertyRegistry registry) {
        POSTGRES.register(registry);
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

        POSTGRES.stop();
        TestServer server = new TestServer(port);
        await().atMost(RECOVERY).until(() -> server.get("/actuator/health").status() == 503);
        publish(device, BEFORE_OUTAGE, DURING_OUTAGE);
        // Nothing can be stored, so no offset may move past the new records: none is skipped.
        await().during(Duration.ofSeconds(5))
                .atMost(RECOVERY)
                .until(() -> EmbeddedKafkaHolder.lag(TOPIC, GROUP) == DURING_OUTAGE);

        POSTGRES.start();
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
        JdbcTemplate database =
                new JdbcTemplate(new DriverManagerDataSource(POSTGRES.jdbcUrl(), "postgres", "postgres"));
        return database.queryForList(
                "SELECT CAST(dummy AS BIGINT) FROM sensor_event WHERE device_id = ?", Long.class, device);
    }
}
