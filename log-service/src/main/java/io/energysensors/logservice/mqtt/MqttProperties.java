package io.energysensors.logservice.mqtt;

import java.time.Duration;
import java.util.List;

import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MQTT door ({@link MqttDoor}); off unless {@code url} is set and not blank.
 *
 * @param url the broker, {@code tcp://host:1883}, or {@code ssl://host:8883} for TLS
 * @param topics topic filters subscribed with QoS 1
 * @param clientId the broker keeps this client's session, and with it every message not yet
 *     acknowledged, under this id: stable across restarts, and different for each copy of the service
 * @param username optional, with {@code password}
 * @param password optional
 * @param sslBundle optional name of a Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) that
 *     holds the trust store (and client key) for an {@code ssl://} broker; without one the JVM's
 *     default trust store checks the broker's certificate
 * @param deadLetterTopic optional: refused payloads are republished here unchanged; must not
 *     match a subscribed filter
 * @param maxInFlight messages being stored at once, which a group commit then shares
 * @param reconnectMin first wait before connecting again after a failure; doubled after each
 *     failed attempt
 * @param reconnectMax longest wait between attempts
 */
@ConfigurationProperties("energy-sensors.mqtt")
public record MqttProperties(
        String url,
        @DefaultValue("sensors/+/lines") List<String> topics,
        @DefaultValue("energy-sensors-log-service") String clientId,
        String username,
        String password,
        String sslBundle,
        String deadLetterTopic,
        @DefaultValue("16") int maxInFlight,
        @DefaultValue("1s") Duration reconnectMin,
        @DefaultValue("1m") Duration reconnectMax) {

    public MqttProperties {
        // Blank is off too, so that a deployment can pass an empty variable.
        url = url == null || url.isBlank() ? null : url;
        if (url != null && !url.matches("(tcp|ssl)://.+")) {
            throw new IllegalArgumentException(
                    "energy-sensors.mqtt.url must be tcp://host:port or ssl://host:port, got " + url);
        }
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("energy-sensors.mqtt.topics must name at least one topic filter");
        }
        topics.forEach(filter -> MqttTopic.validate(filter, true));
        if (clientId.isBlank() || clientId.length() > 65535) {
            throw new IllegalArgumentException("energy-sensors.mqtt.client-id must not be blank");
        }
        if (deadLetterTopic != null) {
            MqttTopic.validate(deadLetterTopic, false);
            for (String filter : topics) {
                if (MqttTopic.isMatched(filter, deadLetterTopic)) {
                    throw new IllegalArgumentException("energy-sensors.mqtt.dead-letter-topic " + deadLetterTopic
                            + " matches the subscribed filter " + filter
                            + ", so refused payloads would come back: choose a topic outside it");
                }
            }
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException(
                    "energy-sensors.mqtt.max-in-flight must be at least 1, got " + maxInFlight);
        }
        if (reconnectMin.isNegative() || reconnectMin.isZero() || reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("energy-sensors.mqtt.reconnect-min must be positive and at most "
                    + "reconnect-max, got " + reconnectMin + " and " + reconnectMax);
        }
    }
}
