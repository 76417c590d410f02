package io.energysensors.parseservice.parse;

import io.energysensors.web.body.ByteLimit;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxBodySize largest request body accepted; larger ones get 413 before being read whole
 */
@Validated
@ConfigurationProperties("energy-sensors.parse")
record ParseProperties(@NotNull @DefaultValue("1MB") DataSize maxBodySize) {

    ParseProperties {
        if (maxBodySize != null && maxBodySize.toBytes() < 1) {
            throw new IllegalArgumentException("energy-sensors.parse.max-body-size must be at least 1 byte");
        }
    }

    ByteLimit bodyLimit() {
        return new ByteLimit(maxBodySize.toBytes(), "energy-sensors.parse.max-body-size");
    }
}
