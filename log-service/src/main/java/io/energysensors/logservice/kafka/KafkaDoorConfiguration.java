package io.energysensors.logservice.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The consumer of the sensor-lines topic. The container is always defined (the build's AOT
 * processing fixes the bean definitions) and started only when brokers are configured.
 */
@Configuration(proxyBeanMethods = false)
class KafkaDoorConfiguration {

    /** A store that fails (a database outage) is tried again after 1 s, doubling up to this. */
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    @Bean
    ConcurrentMessageListenerContainer<byte[], byte[]> sensorLineConsumers(
            KafkaIngestProperties door, KafkaProperties kafka, SensorLineListener listener) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        if (door.enabled()) {
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, door.bootstrapServers());
        }
        config.put(ConsumerConfig.GROUP_ID_CONFIG, door.groupId());
        // Offsets are committed by the container once a poll's events are stored, never on a timer.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group reads what was published before it first started.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, door.maxPollRecords());
        DefaultKafkaConsumerFactory<byte[], byte[]> consumers =
                new DefaultKafkaConsumerFactory<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());

        ContainerProperties properties = new ContainerProperties(door.topic());
        properties.setGroupId(door.groupId());
        properties.setAckMode(ContainerProperties.AckMode.BATCH);
        properties.setMessageListener(listener);
        ConcurrentMessageListenerContainer<byte[], byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumers, properties);
        container.setConcurrency(door.consumers());
        container.setAutoStartup(door.enabled());
        DefaultErrorHandler retries = new DefaultErrorHandler(storeRetries());
        // Every failure is the store's: none of them is a reason to skip records.
        retries.setClassifications(Map.of(), true);
        container.setCommonErrorHandler(retries);
        return container;
    }

    /**
     * Bad records never reach the error handler (the listener passes them over), so what it
     * sees is the store failing: the batch is held and tried again, the consumer paused but
     * still in its group, for as long as it takes; nothing is skipped.
     */
    private static ExponentialBackOff storeRetries() {
        ExponentialBackOff backOff = new ExponentialBackOff(1000, 2);
        backOff.setMaxInterval(LONGEST_PAUSE.toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }
}
