package io.energysensors.parseservice.parse;

import java.time.Duration;

import io.energysensors.web.body.ByteLimit;
import io.energysensors.web.body.TimeLimit;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxBodySize largest request body accepted; larger ones get 413 before being read whole
 * @param maxErrors bad lines listed in a 400; the rest are only counted
 * @param uploadDeadline longest time a client may take to send its body, answered with 408 beyond it
 */
@Validated
@ConfigurationProperties("energy-sensors.parse")
record ParseProperties(
        @NotNull @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("100") int maxErrors,
        @NotNull @DefaultValue("30s") Duration uploadDeadline) {

    ParseProperties {
        if (maxBodySize != null && maxBodySize.toBytes() < 1) {
            throw new IllegalArgumentException("energy-sensors.parse.max-body-size must be at least 1 byte");
        }
        if (maxErrors < 1) {
            throw new IllegalArgumentException("energy-sensors.parse.max-errors must be at least 1, got " + maxErrors);
        }
        if (uploadDeadline != null && (uploadDeadline.isNegative() || uploadDeadline.isZero())) {
            throw new IllegalArgumentException(
                    "energy-sensors.parse.upload-deadline must be positive, got " + uploadDeadline);
        }
    }

    TimeLimit uploadLimit() {
        return new TimeLimit(uploadDeadline, "energy-sensors.parse.upload-deadline");
    }

    ByteLimit bodyLimit() {
        return new ByteLimit(maxBodySize.toBytes(), "energy-sensors.parse.max-body-size");
    }
}
