package io.energysensors.logservice.ingest;

import java.time.Duration;

import io.energysensors.web.body.ByteLimit;
import io.energysensors.web.body.TimeLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what POST /log/store accepts; a plain number is bytes, {@code 8MB} is 8 MiB.
 *
 * @param maxBodyBytes largest request body, answered with 413 beyond it
 * @param maxLineBytes largest single line of a text body, answered with 413 beyond it
 * @param maxErrors bad lines' errors listed in a 400; the rest are only counted
 * @param uploadDeadline longest time a client may take to send its body, answered with 408 beyond it
 */
@ConfigurationProperties("energy-sensors.ingest")
public record IngestProperties(
        @DefaultValue("8MB") DataSize maxBodyBytes,
        @DefaultValue("64KB") DataSize maxLineBytes,
        @DefaultValue("100") int maxErrors,
        @DefaultValue("30s") Duration uploadDeadline) {

    public IngestProperties {
        if (maxBodyBytes.toBytes() < 1 || maxBodyBytes.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "energy-sensors.ingest.max-body-bytes must be between 1 byte and 2 GB, got " + maxBodyBytes);
        }
        if (maxLineBytes.toBytes() < 1 || maxLineBytes.toBytes() > maxBodyBytes.toBytes()) {
            throw new IllegalArgumentException("energy-sensors.ingest.max-line-bytes must be between 1 byte and "
                    + "max-body-bytes (" + maxBodyBytes + "), got " + maxLineBytes);
        }
        if (maxErrors < 1) {
            throw new IllegalArgumentException("energy-sensors.ingest.max-errors must be at least 1, got " + maxErrors);
        }
        if (uploadDeadline.isNegative() || uploadDeadline.isZero()) {
            throw new IllegalArgumentException(
                    "energy-sensors.ingest.upload-deadline must be positive, got " + uploadDeadline);
        }
    }

    ByteLimit bodyLimit() {
        return new ByteLimit(maxBodyBytes.toBytes(), "energy-sensors.ingest.max-body-bytes");
    }

    TimeLimit uploadLimit() {
        return new TimeLimit(uploadDeadline, "energy-sensors.ingest.upload-deadline");
    }

    ByteLimit lineLimit() {
        return new ByteLimit(maxLineBytes.toBytes(), "energy-sensors.ingest.max-line-bytes");
    }
}
