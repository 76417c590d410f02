package io.energysensors.logservice.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class KafkaIngestPropertiesTests {

    @Test
    void isOffWithoutBrokersAndWithBlankOnes() {
        assertThat(properties(null, null).enabled()).isFalse();
        // What the compose file passes when no broker is wanted.
        assertThat(properties("", null).enabled()).isFalse();
        assertThat(properties("localhost:9092", null).enabled()).isTrue();
    }

    @Test
    void takesABlankDeadLetterTopicForNone() {
        assertThat(properties("localhost:9092", " ").deadLetterTopic()).isNull();
    }

    @Test
    void rejectsTheTopicItselfAsDeadLetterTopic() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties("localhost:9092", "sensor-lines"))
                .withMessageContaining("dead-letter-topic");
    }

    @Test
    void rejectsNoConsumersAndEmptyPolls() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KafkaIngestProperties(null, "sensor-lines", "log-service", null, 0, 500))
                .withMessageContaining("consumers");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KafkaIngestProperties(null, "sensor-lines", "log-service", null, 1, 0))
                .withMessageContaining("max-poll-records");
    }

    private static KafkaIngestProperties properties(String bootstrapServers, String deadLetterTopic) {
        return new KafkaIngestProperties(bootstrapServers, "sensor-lines", "log-service", deadLetterTopic, 1, 500);
    }
}
