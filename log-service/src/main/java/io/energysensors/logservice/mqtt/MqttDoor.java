package io.energysensors.logservice.mqtt;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.energysensors.logservice.ingest.Delivery;
import io.energysensors.logservice.ingest.DeliveryKey;
import io.energysensors.logservice.ingest.IngestOutcome;
import io.energysensors.logservice.ingest.IngestPipeline;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Subscribes to the sensor topics with QoS 1 in a persistent session ({@code cleanSession=false})
 * and hands each message to the {@link IngestPipeline}, acknowledging it (PUBACK) only once its
 * events committed. A crash before that leaves it unacknowledged, and the broker delivers it again
 * to the session when the service reconnects. Redeliveries are recognised by a hash of topic and
 * payload ({@link DeliveryKey#ofContent}), not by the MQTT message id, which is per connection and
 * reused as soon as it is acknowledged.
 *
 * <ul>
 *   <li>A payload the pipeline refuses is counted, logged once with its topic and error,
 *       republished unchanged to the dead-letter topic if one is set, and acknowledged: sending it
 *       again could not make it valid.
 *   <li>A store that cannot take a message (503 at the HTTP door: database down or full) leaves it
 *       unacknowledged, and the door disconnects and reconnects after a backoff, which makes the
 *       broker deliver it again: MQTT 3.1.1 has no negative acknowledgement.
 *   <li>A broker that is away at start or later: the service runs on, /actuator/health shows the
 *       link down, and the door connects again with a backoff from {@code reconnect-min} doubling
 *       to {@code reconnect-max}.
 * </ul>
 *
 * <p>Up to {@code max-in-flight} messages are stored at once, on their own threads, so that one
 * group commit serves many; a message acknowledged late is acknowledged only on the connection it
 * came on, as its id means another message on the next one.
 */
final class MqttDoor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MqttDoor.class);
    private static final String DOOR = "mqtt";
    private static final int QOS = 1;
    private static final long CONNECT_TIMEOUT_MS = 10_000;
    private static final int LOGGED_ERROR_CHARS = 500;

    private final MqttProperties properties;
    private final IngestPipeline pipeline;
    private final MqttLink link;
    private final SslBundles sslBundles;
    private final Semaphore inFlight;
    private final Counter received;
    private final Counter rejected;

    /** Guards the connection's generation, so an acknowledgement never crosses to the next connection. */
    private final Object connection = new Object();

    private long generation;
    private Duration nextWait;
    private boolean storeFailing;
    private volatile boolean running;
    private ScheduledExecutorService connector;
    private ExecutorService storing;
    private MqttAsyncClient client;
    private MqttConnectOptions options;

    MqttDoor(
            MqttProperties properties,
            IngestPipeline pipeline,
            MqttLink link,
            SslBundles sslBundles,
            MeterRegistry meters) {
        this.properties = properties;
        this.pipeline = pipeline;
        this.link = link;
        this.sslBundles = sslBundles;
        this.inFlight = new Semaphore(properties.maxInFlight());
        this.nextWait = properties.reconnectMin();
        this.received = Counter.builder("energy_sensors.mqtt.received")
                .description("MQTT messages received, redeliveries included")
                .register(meters);
        this.rejected = Counter.builder("energy_sensors.mqtt.rejected")
                .description("MQTT messages refused as no valid batch of events: acknowledged, not stored")
                .register(meters);
    }

    private static MqttConnectOptions connectOptions(MqttProperties properties, SslBundles sslBundles) {
        MqttConnectOptions options = new MqttConnectOptions();
        // The broker keeps the subscription and every unacknowledged message while we are away.
        options.setCleanSession(false);
        // Reconnecting is ours to do, with the backoff and the resubscription it needs.
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout((int) (CONNECT_TIMEOUT_MS / 1000));
        options.setKeepAliveInterval(30);
        if (properties.username() != null) {
            options.setUserName(properties.username());
        }
        if (properties.password() != null) {
            options.setPassword(properties.password().toCharArray());
        }
        if (properties.sslBundle() != null) {
            options.setSocketFactory(sslBundles
                    .getBundle(properties.sslBundle())
                    .createSslContext()
                    .getSocketFactory());
        }
        return options;
    }

    /** Off unless {@code energy-sensors.mqtt.url} is set. */
    @Override
    public boolean isAutoStartup() {
        return properties.url() != null;
    }

    @Override
    public void start() {
        try {
            client = new MqttAsyncClient(properties.url(), properties.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException(
                    "energy-sensors.mqtt.url " + properties.url() + " cannot be used: " + e.getMessage(), e);
        }
        client.setManualAcks(true);
        options = connectOptions(properties, sslBundles);
        CustomizableThreadFactory connectThread = new CustomizableThreadFactory("mqtt-connect-");
        connectThread.setDaemon(true);
        connector = Executors.newSingleThreadScheduledExecutor(connectThread);
        storing = Executors.newFixedThreadPool(properties.maxInFlight(), new CustomizableThreadFactory("mqtt-store-"));
        client.setCallback(new Callback());
        running = true;
        connector.execute(this::connect);
    }

    /** On the connector thread: connects and subscribes, or tries again after the backoff. */
    private void connect() {
        if (!running || client.isConnected()) {
            return;
        }
        try {
            client.connect(options).waitForCompletion(CONNECT_TIMEOUT_MS);
            subscribe();
            synchronized (connection) {
                if (!storeFailing) {
                    nextWait = properties.reconnectMin();
                }
            }
            link.up(String.join(", ", properties.topics()));
            log.info("MQTT door connected to {}, subscribed to {}", properties.url(), properties.topics());
        } catch (MqttException e) {
            link.down("cannot connect: " + e.getMessage());
            log.warn("MQTT door cannot connect to {}: {}", properties.url(), e.getMessage());
            closeConnection();
            retryLater();
        }
    }

    private void subscribe() throws MqttException {
        String[] filters = properties.topics().toArray(String[]::new);
        int[] qos = new int[filters.length];
        java.util.Arrays.fill(qos, QOS);
        int[] granted = client.subscribe(filters, qos).getGrantedQos();
        for (int i = 0; i < granted.length; i++) {
            if (granted[i] != QOS) {
                throw new MqttException(new IllegalStateException(
                        "the broker granted QoS " + granted[i] + " instead of 1 for " + filters[i]));
            }
        }
    }

    /** Schedules the next connection attempt and doubles the wait for the one after. */
    private void retryLater() {
        if (!running) {
            return;
        }
        Duration wait;
        synchronized (connection) {
            wait = nextWait;
            Duration doubled = nextWait.multipliedBy(2);
            nextWait = doubled.compareTo(properties.reconnectMax()) > 0 ? properties.reconnectMax() : doubled;
        }
        log.info("MQTT door connects again in {}", wait);
        connector.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the connection, if any, without acknowledging anything more on it. */
    private void closeConnection() {
        synchronized (connection) {
            generation++;
        }
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, CONNECT_TIMEOUT_MS, false);
            }
        } catch (MqttException e) {
            log.debug("MQTT door disconnect: {}", e.getMessage());
        }
    }

    /** On a storing thread: the message's whole way through the pipeline, then its acknowledgement. */
    private void store(String topic, MqttMessage message, long arrivedOn) {
        byte[] payload = message.getPayload();
        IngestOutcome outcome;
        try {
            outcome = pipeline.offer(Delivery.sniffed(payload, DeliveryKey.ofContent(DOOR, topic, payload)));
        } catch (RuntimeException e) {
            storeFailed(topic, e, arrivedOn);
            return;
        }
        if (outcome instanceof IngestOutcome.Rejected refusal) {
            refuse(topic, payload, refusal.error());
        }
        acknowledge(message, arrivedOn);
    }

    private void refuse(String topic, byte[] payload, String error) {
        rejected.increment();
        String shown = error.length() > LOGGED_ERROR_CHARS ? error.substring(0, LOGGED_ERROR_CHARS) + "..." : error;
        log.warn("MQTT message on {} refused, acknowledged and not stored: {}", topic, shown);
        if (properties.deadLetterTopic() != null) {
            try {
                client.publish(properties.deadLetterTopic(), payload, QOS, false);
            } catch (MqttException e) {
                log.warn(
                        "Could not republish the refused message to {}: {}",
                        properties.deadLetterTopic(),
                        e.getMessage());
            }
        }
    }

    private void acknowledge(MqttMessage message, long arrivedOn) {
        synchronized (connection) {
            storeFailing = false;
            if (arrivedOn != generation) {
                // Its connection is gone: the broker delivers it again, and its key answers it.
                return;
            }
            try {
                client.messageArrivedComplete(message.getId(), message.getQos());
            } catch (MqttException e) {
                log.debug("MQTT acknowledgement not sent: {}", e.getMessage());
            }
        }
    }

    /** Not acknowledged: a new connection, after the backoff, makes the broker deliver it again. */
    private void storeFailed(String topic, RuntimeException failure, long arrivedOn) {
        synchronized (connection) {
            storeFailing = true;
            if (arrivedOn != generation) {
                return;
            }
        }
        link.down("the event store cannot take messages: " + failure.getMessage());
        log.warn(
                "MQTT message on {} not stored, not acknowledged: {}; reconnecting so the broker delivers it again",
                topic,
                failure.getMessage());
        closeConnection();
        retryLater();
    }

    @Override
    public void stop() {
        running = false;
        storing.shutdown();
        try {
            if (!storing.awaitTermination(20, TimeUnit.SECONDS)) {
                storing.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connector.shutdownNow();
        closeConnection();
        try {
            client.close();
        } catch (MqttException e) {
            log.debug("MQTT client close: {}", e.getMessage());
        }
        link.down("stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private final class Callback implements MqttCallback {

        @Override
        public void connectionLost(Throwable cause) {
            link.down("connection lost: " + cause.getMessage());
            log.warn("MQTT door lost its connection to {}: {}", properties.url(), cause.getMessage());
            closeConnection();
            retryLater();
        }

        /**
         * On Paho's callback thread, which waits here while {@code max-in-flight} messages are
         * being stored: that holds the broker back instead of queueing without bound.
         */
        @Override
        public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
            received.increment();
            long arrivedOn;
            synchronized (connection) {
                arrivedOn = generation;
            }
            inFlight.acquire();
            try {
                storing.execute(() -> {
                    try {
                        store(topic, message, arrivedOn);
                    } finally {
                        inFlight.release();
                    }
                });
            } catch (RuntimeException e) {
                // Stopping: not acknowledged, so the broker keeps it for the next start.
                inFlight.release();
                throw e;
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Only dead letters are published, and losing one loses no event.
        }
    }
}
