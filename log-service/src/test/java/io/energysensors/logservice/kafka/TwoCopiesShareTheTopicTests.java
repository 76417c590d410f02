package io.energysensors.logservice.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import io.energysensors.logservice.EmbeddedKafkaHolder;
import io.energysensors.logservice.EmbeddedPostgresHolder;
import io.energysensors.logservice.OnPostgres;
import io.energysensors.logservice.Samples;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Two copies of the service in one consumer group on one real PostgreSQL share a topic's
 * partitions; one of them stops while records still come in, and the other takes over its
 * partitions from their last committed offsets: every event of the sample is stored exactly once.
 */
class TwoCopiesShareTheTopicTests {

    private static final int PARTITIONS = 4;

    private final JdbcTemplate database =
            new JdbcTemplate(new DriverManagerDataSource(EmbeddedPostgresHolder.jdbcUrl(), "postgres", "postgres"));

    @Test
    void storesEveryEventExactlyOnceWhenACopyStopsMidStream() throws Exception {
        String topic = EmbeddedKafkaHolder.newTopic("shared-lines", PARTITIONS);
        String group = "log-service-" + topic;
        String[] kafka = {
            "--energy-sensors.kafka.bootstrap-servers=" + EmbeddedKafkaHolder.bootstrapServers(),
            "--energy-sensors.kafka.topic=" + topic,
            "--energy-sensors.kafka.group-id=" + group,
            // Small polls, so that the stop falls between many commits.
            "--energy-sensors.kafka.max-poll-records=10"
        };
        long device = Samples.newDevice();
        try (ConfigurableApplicationContext staying = OnPostgres.startAnotherCopy(1000, kafka);
                ConfigurableApplicationContext stopping = OnPostgres.startAnotherCopy(1000, kafka)) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> partitionsOf(staying) + partitionsOf(stopping) == PARTITIONS
                            && partitionsOf(staying) > 0
                            && partitionsOf(stopping) > 0);

            LineProducer.publish(
                    new LineProducer.Arguments(EmbeddedKafkaHolder.bootstrapServers(), topic, 1, Path.of("unused")),
                    Samples.linesOfDevice(device));
            await().atMost(Duration.ofSeconds(60)).until(() -> storedBy(stopping) > 0 && storedBy(staying) > 0);
            stopping.close();

            await().atMost(Duration.ofSeconds(120)).until(() -> EmbeddedKafkaHolder.lag(topic, group) == 0);
            assertThat(stored(device)).isEqualTo(1000);
            assertThat(partitionsOf(staying)).isEqualTo(PARTITIONS);
        }
    }

    private static int partitionsOf(ConfigurableApplicationContext copy) {
        @SuppressWarnings("unchecked")
        ConcurrentMessageListenerContainer<byte[], byte[]> consumers =
                copy.getBean(ConcurrentMessageListenerContainer.class);
        return consumers.getAssignedPartitions().size();
    }

    private static double storedBy(ConfigurableApplicationContext copy) {
        return copy.getBean(MeterRegistry.class)
                .counter("energy_sensors.ingest.stored")
                .count();
    }

    private long stored(long device) {
        return database.queryForObject("SELECT COUNT(*) FROM sensor_event WHERE device_id = ?", Long.class, device);
    }
}
