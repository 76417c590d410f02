package io.energysensors.logservice.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.energysensors.format.LineParser;
import io.energysensors.format.json.LineJson;
import io.energysensors.logservice.RunningService;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.StoredEvents;
import io.energysensors.logservice.TestServer.Reply;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The MQTT door against a real broker (Moquette, in this JVM) over real MQTT: the sample published
 * one line per message, several per message and as JSON is stored once and clustered; a broker
 * restart mid-stream, with the publisher sending again what it was not sure of, loses and
 * duplicates nothing; a poisoned message is counted, dead-lettered and does not stop the rest.
 */
@DirtiesContext
class MqttDoorTests extends RunningService {

    private static final Duration LONG_WAIT = Duration.ofMinutes(3);
    private static final String DEAD_LETTERS = "sensors/dead-letter";
    private static final EmbeddedBroker BROKER = new EmbeddedBroker();

    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void mqtt(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("log-service-mqtt-");
        BROKER.start();
        registry.add("energy-sensors.data-dir", dataDir::toString);
        registry.add("energy-sensors.mqtt.url", BROKER::url);
        registry.add("energy-sensors.mqtt.dead-letter-topic", () -> DEAD_LETTERS);
        registry.add("energy-sensors.mqtt.reconnect-min", () -> "100ms");
        registry.add("energy-sensors.mqtt.reconnect-max", () -> "1s");
    }

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

    /**
     * Health is UP once the door is subscribed. Before its first subscription the broker has no
     * session for it, and drops what is published, as MQTT says it must.
     */
    @BeforeEach
    void awaitDoorSubscribed() {
        await().atMost(LONG_WAIT).until(() -> server.get("/actuator/health").status() == 200);
    }

    @Test
    void storesTheSampleOnceFromSingleLineMultiLineAndJsonMessagesAndClustersIt() throws MqttException {
        long device = Samples.newDevice();
        List<String> lines = Samples.linesOfDevice(device);
        String topic = "sensors/meter-" + device + "/lines";
        try (Publisher publisher = new Publisher()) {
            for (String line : lines.subList(0, 500)) {
                publisher.publish(topic, line);
            }
            for (int first = 500; first < 990; first += 98) {
                publisher.publish(topic, String.join("\n", lines.subList(first, first + 98)));
            }
            for (String line : lines.subList(990, 1000)) {
                publisher.publish(topic, new LineJson().write(new LineParser().parse(line)));
            }
        }
        awaitStoredExactly(device, 1000);

        await().atMost(LONG_WAIT).until(() -> {
            Reply summary = server.get("/clusters/summary");
            return summary.status() == 200
                    && summary.json().get("events_covered").asLong() >= 1000;
        });
    }

    /**
     * Moquette keeps its queues across its own restart but not the messages it had sent and not yet
     * had acknowledged (Mosquitto keeps those too), so the door catches up before the broker stops;
     * a connection cut while messages are in flight, with the broker running, then shows those
     * delivered again and stored once.
     */
    @Test
    void brokerRestartAndCutConnectionMidStreamLoseNothingAndDuplicateNothing() throws MqttException {
        long device = Samples.newDevice();
        List<String> lines = Samples.linesOfDevice(device);
        String topic = "sensors/meter-" + device + "/lines";
        try (Publisher publisher = new Publisher()) {
            for (String line : lines.subList(0, 400)) {
                publisher.publish(topic, line);
            }
        }
        await().atMost(LONG_WAIT)
                .until(() -> StoredEvents.ofDevice(server, device).size() == 400);

        BROKER.stop();
        await().atMost(LONG_WAIT).until(() -> server.get("/actuator/health").status() == 503);
        BROKER.start();
        // Cutting needs the door's connection: Moquette fails to cut a session that has none yet.
        await().atMost(LONG_WAIT).until(() -> server.get("/actuator/health").status() == 200);

        try (Publisher publisher = new Publisher()) {
            // A publisher that lost its acknowledgements in the restart sends the last ones again.
            for (String line : lines.subList(350, 700)) {
                publisher.publish(topic, line);
            }
            BROKER.cutDoorConnection();
            for (String line : lines.subList(700, 1000)) {
                publisher.publish(topic, line);
            }
            await().atMost(LONG_WAIT).until(() -> server.get("/actuator/health").status() == 200);
            awaitStoredExactly(device, 1000);
        }
    }

    @Test
    void poisonedMessageIsCountedDeadLetteredAndTheNextOneStored() throws MqttException {
        long device = Samples.newDevice();
        String topic = "sensors/meter-" + device + "/lines";
        double rejectedBefore = rejected();
        List<String> deadLetters = new CopyOnWriteArrayList<>();
        try (Publisher publisher = new Publisher()) {
            publisher.client.subscribe(
                    DEAD_LETTERS,
                    1,
                    (dead, message) -> deadLetters.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
            publisher.publish(topic, "poison " + device);
            publisher.publish(topic, Samples.linesOfDevice(device).get(0));

            awaitStoredExactly(device, 1);
            await().atMost(LONG_WAIT).until(() -> deadLetters.contains("poison " + device));
        }
        assertThat(rejected()).isEqualTo(rejectedBefore + 1);
    }

    private double rejected() {
        return meters.get("energy_sensors.mqtt.rejected").counter().count();
    }

    /** Reaches {@code count} and stays there while redeliveries would have had time to arrive. */
    private void awaitStoredExactly(long device, int count) {
        await().atMost(LONG_WAIT)
                .until(() -> StoredEvents.ofDevice(server, device).size() >= count);
        await().during(Duration.ofSeconds(2))
                .atMost(LONG_WAIT)
                .until(() -> StoredEvents.ofDevice(server, device).size() == count);
    }

    /** A device publishing with QoS 1: each publish returns once the broker acknowledged it. */
    private static final class Publisher implements AutoCloseable {

        private final MqttClient client;

        Publisher() throws MqttException {
            client = new MqttClient(BROKER.url(), "test-" + UUID.randomUUID(), new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            // Paho may count a publish in flight for a moment after its acknowledgement returned it.
            options.setMaxInflight(1000);
            client.connect(options);
        }

        void publish(String topic, String payload) throws MqttException {
            client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
        }

        @Override
        public void close() throws MqttException {
            client.disconnect();
            client.close();
        }
    }

    static {
        // Fail early with a clear message if the sample is missing, rather than at the first publish.
        if (Samples.lines().size() != 1000) {
            throw new UncheckedIOException(new IOException("res/events.txt must hold 1000 lines"));
        }
    }
}
