package io.energysensors.logservice.mqtt;

import io.energysensors.logservice.ingest.IngestPipeline;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MQTT door. Its beans are always defined, because the build's AOT processing fixes the bean
 * definitions and a door conditional on a property would be missing from a service that gets the
 * URL only at start-up; the door starts only when {@code energy-sensors.mqtt.url} is set.
 */
@Configuration(proxyBeanMethods = false)
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
            MeterRegistry meters) {
        return new MqttDoor(properties, pipeline, mqttHealthIndicator, sslBundles, meters);
    }
}
