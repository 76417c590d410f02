package io.energysensors.logservice.kafka;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

/**
 * Records that are no sensor lines: counted, logged once each with where they are and what is
 * wrong, republished to the dead-letter topic when one is configured (Spring Kafka's
 * {@link DeadLetterPublishingRecoverer}: the original value, with the error and the record's
 * topic, partition and offset in {@code kafka_dlt-*} headers), and then passed over, as reading
 * them again cannot make them valid.
 */
@Component
class DeadLetters implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final String destination;
    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final DeadLetterPublishingRecoverer publisher;
    private final Counter rejected;

    DeadLetters(KafkaIngestProperties door, KafkaProperties kafka, MeterRegistry meters) {
        this.destination = door.deadLetterTopic();
        if (destination == null || !door.enabled()) {
            this.producers = null;
            this.publisher = null;
        } else {
            Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, door.bootstrapServers());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            // Created at the first dead letter, not at start-up.
            this.producers =
                    new DefaultKafkaProducerFactory<>(config, new ByteArraySerializer(), new ByteArraySerializer());
            this.publisher = new DeadLetterPublishingRecoverer(
                    new KafkaTemplate<>(producers), (record, e) -> new TopicPartition(destination, -1));
        }
        this.rejected = Counter.builder("energy_sensors.kafka.rejected")
                .description("Kafka records that were no valid batch of sensor lines: not stored, passed over")
                .register(meters);
    }

    /**
     * @throws RuntimeException the dead-letter topic did not take the record: the batch is
     *     delivered again (its stored records are then recognised as repeats)
     */
    void reject(ConsumerRecord<?, ?> record, String error) {
        rejected.increment();
        log.warn(
                "Kafka record {}-{}@{} is no valid batch of sensor lines{}: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                publisher == null ? " (passed over)" : " (republished to " + destination + ")",
                error);
        if (publisher != null) {
            publisher.accept(record, new RejectedRecordException(error));
        }
    }

    @Override
    public void destroy() {
        if (producers != null) {
            producers.destroy();
        }
    }
}
