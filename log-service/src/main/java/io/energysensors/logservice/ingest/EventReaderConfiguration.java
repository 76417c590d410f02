package io.energysensors.logservice.ingest;

import java.time.Clock;

import io.energysensors.format.event.SensorEventReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EventReaderConfiguration {

    @Bean
    SensorEventReader sensorEventReader(EventLimitProperties limits) {
        return new SensorEventReader(limits.limits(), Clock.systemUTC());
    }
}
