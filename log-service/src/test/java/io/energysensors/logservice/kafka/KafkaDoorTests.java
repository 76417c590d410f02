package io.energysensors.logservice.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.energysensors.logservice.EmbeddedKafkaHolder;
import io.energysensors.logservice.OnH2;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.TestServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The Kafka door against a real broker (embedded, KRaft) over H2: records of sensor lines are
 * stored once each and clustered, a record delivered again is not stored again, and a record that
 * is no sensor line is dead-lettered while the records after it are stored.
 */
@DirtiesContext
class KafkaDoorTests extends OnH2 {

    private static final String TOPIC = EmbeddedKafkaHolder.newTopic("sensor-lines", 2);
    private static final String DEAD_LETTERS = TOPIC + ".dead";

    static {
        EmbeddedKafkaHolder.createTopic(DEAD_LETTERS, 1);
    }

    private static final String GROUP = "log-service-" + TOPIC;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("energy-sensors.kafka.bootstrap-servers", EmbeddedKafkaHolder::bootstrapServers);
        registry.add("energy-sensors.kafka.topic", () -> TOPIC);
        registry.add("energy-sensors.kafka.group-id", () -> GROUP);
        registry.add("energy-sensors.kafka.dead-letter-topic", () -> DEAD_LETTERS);
        // The H2 store is shared with other tests' contexts: a run due at every commit makes the
        // last one cover whatever they stored too, whatever count the threshold stood at.
        registry.add("energy-sensors.clustering.every-events", () -> 1);
    }

    @Autowired
    private ConcurrentMessageListenerContainer<byte[], byte[]> consumers;

    @Autowired
    private MeterRegistry meters;

    @Test
    void storesEverySampleLineOnceAndClustersIt() {
        long device = Samples.newDevice();
        List<String> lines = Samples.linesOfDevice(device);
        // Half one line per record, half in records of 50 lines.
        publish(lines.subList(0, 500), 1);
        publish(lines.subList(500, 1000), 50);

        await().atMost(Duration.ofSeconds(60)).until(() -> storedOf(server, device) == 1000);
        await().atMost(Duration.ofSeconds(60)).until(() -> EmbeddedKafkaHolder.lag(TOPIC, GROUP) == 0);
        assertThat(storedOf(server, device)).isEqualTo(1000);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            JsonNode summary = server.get("/clusters/summary").json();
            assertThat(summary.get("events_covered").asLong(-1)
                            + summary.get("events_skipped").asLong(-1))
                    .as(summary.toString())
                    .isGreaterThanOrEqualTo(storedOf(server, null));
        });
    }

    @Test
    void recordsDeliveredAgainAreNotStoredAgain() throws Exception {
        long device = Samples.newDevice();
        publish(Samples.linesOfDevice(device).subList(0, 100), 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> storedOf(server, device) == 100);
        await().atMost(Duration.ofSeconds(60)).until(() -> EmbeddedKafkaHolder.lag(TOPIC, GROUP) == 0);
        double repeatsBefore = repeats();

        // As after a crash between the commit of the events and that of the offsets.
        consumers.stop();
        try (Admin admin = EmbeddedKafkaHolder.admin()) {
            Map<TopicPartition, OffsetAndMetadata> start = Map.of(
                    new TopicPartition(TOPIC, 0), new OffsetAndMetadata(0),
                    new TopicPartition(TOPIC, 1), new OffsetAndMetadata(0));
            admin.alterConsumerGroupOffsets(GROUP, start).all().get();
        }
        assertThat(EmbeddedKafkaHolder.lag(TOPIC, GROUP)).isGreaterThanOrEqualTo(100);
        consumers.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> EmbeddedKafkaHolder.lag(TOPIC, GROUP) == 0);
        assertThat(repeats() - repeatsBefore).isGreaterThanOrEqualTo(100);
        assertThat(storedOf(server, device)).isEqualTo(100);
    }

    @Test
    void deadLettersARecordThatIsNoSensorLineAndStoresTheRecordsAfterIt() {
        long device = Samples.newDevice();
        String poisoned = "not a sensor line " + UUID.randomUUID();
        publishPayloads(List.of(poisoned));
        publish(Samples.linesOfDevice(device).subList(0, 10), 1);

        await().atMost(Duration.ofSeconds(60)).until(() -> storedOf(server, device) == 10);
        ConsumerRecord<byte[], byte[]> deadLetter = deadLetterWithValue(poisoned);
        Header error = deadLetter.headers().lastHeader("kafka_dlt-exception-message");
        assertThat(new String(error.value(), StandardCharsets.UTF_8)).contains("line 1");
        Header from = deadLetter.headers().lastHeader("kafka_dlt-original-topic");
        assertThat(new String(from.value(), StandardCharsets.UTF_8)).isEqualTo(TOPIC);
        assertThat(meters.counter("energy_sensors.kafka.rejected").count()).isGreaterThanOrEqualTo(1);
    }

    private static void publish(List<String> lines, int linesPerRecord) {
        try {
            LineProducer.publish(
                    new LineProducer.Arguments(
                            EmbeddedKafkaHolder.bootstrapServers(), TOPIC, linesPerRecord, Path.of("unused")),
                    lines);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not take the records", e);
        }
    }

    private static void publishPayloads(List<String> payloads) {
        publish(payloads, 1);
    }

    private double repeats() {
        return meters.find("energy_sensors.ingest.repeats").tag("door", RecordKeys.DOOR).counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    private static ConsumerRecord<byte[], byte[]> deadLetterWithValue(String value) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafkaHolder.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "dead-letter-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> reader =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            reader.subscribe(List.of(DEAD_LETTERS));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                reader.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (value.equals(new String(record.value(), StandardCharsets.UTF_8))) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    /** Events stored of one device, or of all with null. */
    static long storedOf(TestServer server, Long device) {
        TestServer.Reply reply = server.get("/events?size=1" + (device == null ? "" : "&device=" + device));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("total_elements").asLong();
    }
}
