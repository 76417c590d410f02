package io.energysensors.logservice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LineProducerTests {

    @Test
    void readsTheCommandLineOfSendEventsKafka() {
        assertThat(LineProducer.Arguments.parse(
                        new String[] {"--kafka", "localhost:9094", "--topic", "lines", "--batch", "50", "events.txt"}))
                .isEqualTo(new LineProducer.Arguments("localhost:9094", "lines", 50, Path.of("events.txt")));
        assertThat(LineProducer.Arguments.parse(new String[] {"--kafka", "localhost:9094", "events.txt"}))
                .isEqualTo(new LineProducer.Arguments("localhost:9094", "sensor-lines", 1, Path.of("events.txt")));
    }

    @Test
    void refusesIncompleteOrUnknownArguments() {
        assertThat(LineProducer.Arguments.parse(new String[] {"events.txt"})).isNull();
        assertThat(LineProducer.Arguments.parse(new String[] {"--kafka", "localhost:9094"}))
                .isNull();
        assertThat(LineProducer.Arguments.parse(new String[] {"--kafka"})).isNull();
        assertThat(LineProducer.Arguments.parse(new String[] {"--kafka", "b:1", "--batch", "0", "f"}))
                .isNull();
        assertThat(LineProducer.Arguments.parse(new String[] {"--kafka", "b:1", "--retries", "3", "f"}))
                .isNull();
        assertThat(LineProducer.Arguments.parse(new String[] {"--kafka", "b:1", "f", "g"}))
                .isNull();
    }
}
