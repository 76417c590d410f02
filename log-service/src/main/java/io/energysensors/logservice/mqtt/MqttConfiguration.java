package io.energysensors.logservice.mqtt;

import io.energysensors.logservice.ingest.IngestPipeline;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The MQTT door exists only when {@code energy-sensors.mqtt.url} is set and not blank. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${energy-sensors.mqtt.url:}'.isBlank()")
class MqttConfiguration {

    /** Named so that /actuator/health shows it as {@code mqtt}. */
    @Bean
    MqttLink mqttHealthIndicator(MqttProperties properties) {
        return new MqttLink(properties.url());
    }

    @Bean
    MqttDoor mqttDoor(
            MqttProperties properties,
            IngestPipeline pipeline,
            MqttLink mqttHealthIndicator,
            SslBundles sslBundles,
            MeterRegistry meters)
            throws MqttException {
        return new MqttDoor(properties, pipeline, mqttHealthIndicator, sslBundles, meters);
    }
}
