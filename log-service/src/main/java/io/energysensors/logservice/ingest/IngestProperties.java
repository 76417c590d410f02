package io.energysensors.logservice.ingest;

import io.energysensors.web.body.ByteLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what POST /log/store accepts; a plain number is bytes, {@code 8MB} is 8 MiB.
 *
 * @param maxBodyBytes largest request body, answered with 413 beyond it
 * @param maxLineBytes largest single line of a text body, answered with 413 beyond it
 */
@ConfigurationProperties("energy-sensors.ingest")
public record IngestProperties(
        @DefaultValue("8MB") DataSize maxBodyBytes,
        @DefaultValue("64KB") DataSize maxLineBytes) {

    public IngestProperties {
        if (maxBodyBytes.toBytes() < 1 || maxBodyBytes.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "energy-sensors.ingest.max-body-bytes must be between 1 byte and 2 GB, got " + maxBodyBytes);
        }
        if (maxLineBytes.toBytes() < 1 || maxLineBytes.toBytes() > maxBodyBytes.toBytes()) {
            throw new IllegalArgumentException("energy-sensors.ingest.max-line-bytes must be between 1 byte and "
                    + "max-body-bytes (" + maxBodyBytes + "), got " + maxLineBytes);
        }
    }

    ByteLimit bodyLimit() {
        return new ByteLimit(maxBodyBytes.toBytes(), "energy-sensors.ingest.max-body-bytes");
    }

    ByteLimit lineLimit() {
        return new ByteLimit(maxLineBytes.toBytes(), "energy-sensors.ingest.max-line-bytes");
    }
}
