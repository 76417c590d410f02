package io.energysensors.logservice.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Kafka door reads sensor lines. Security and other client settings are Spring Boot's
 * {@code spring.kafka.*} (e.g. {@code spring.kafka.security.protocol}, {@code spring.kafka.ssl.*}).
 *
 * @param bootstrapServers host:port list of brokers; unset (the default) leaves the door closed
 * @param topic            the topic of sensor lines
 * @param groupId          the consumer group: copies with the same id share the topic's partitions
 * @param deadLetterTopic  where records that are not sensor lines are republished, with the
 *                         error in headers; unset: they are only counted and logged
 * @param consumers        consumer threads in this copy (each takes some of the partitions)
 * @param maxPollRecords   records one poll hands to one pipeline call at most
 */
@ConfigurationProperties("energy-sensors.kafka")
public record KafkaIngestProperties(
        String bootstrapServers,
        @DefaultValue("sensor-lines") String topic,
        @DefaultValue("log-service") String groupId,
        String deadLetterTopic,
        @DefaultValue("1") int consumers,
        @DefaultValue("500") int maxPollRecords) {

    public KafkaIngestProperties {
        if (bootstrapServers != null && bootstrapServers.isBlank()) {
            bootstrapServers = null;
        }
        if (deadLetterTopic != null && deadLetterTopic.isBlank()) {
            deadLetterTopic = null;
        }
        if (topic.isBlank()) {
            throw new IllegalArgumentException("energy-sensors.kafka.topic must not be blank");
        }
        if (topic.equals(deadLetterTopic)) {
            throw new IllegalArgumentException(
                    "energy-sensors.kafka.dead-letter-topic must differ from energy-sensors.kafka.topic (" + topic
                            + "), or bad records would come back forever");
        }
        if (groupId.isBlank()) {
            throw new IllegalArgumentException("energy-sensors.kafka.group-id must not be blank");
        }
        if (consumers < 1) {
            throw new IllegalArgumentException("energy-sensors.kafka.consumers must be at least 1, got " + consumers);
        }
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException(
                    "energy-sensors.kafka.max-poll-records must be at least 1, got " + maxPollRecords);
        }
    }

    /** The door is open only with brokers to read from. */
    boolean enabled() {
        return bootstrapServers != null;
    }
}
