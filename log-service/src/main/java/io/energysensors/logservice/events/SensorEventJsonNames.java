package io.energysensors.logservice.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.energysensors.format.event.SensorEvent;
import org.springframework.boot.jackson.JacksonMixin;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Spells a stored event's members in snake_case like every other member the service defines
 * ({@code device_id}, {@code fft_re}), and its clustering features by their JSON names
 * ({@link io.energysensors.format.event.Feature#jsonName()}), as everywhere in the API; plain
 * Java event-format carries no JSON names.
 */
@JacksonMixin(SensorEvent.class)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
abstract class SensorEventJsonNames {

    @JsonProperty("power_active_w")
    abstract double activePowerW();

    @JsonProperty("power_reactive_var")
    abstract double reactivePowerVar();

    @JsonProperty("power_apparent_va")
    abstract double apparentPowerVa();
}
