package io.energysensors.web.body;

/**
 * A size limit in bytes and the setting that configures it, which a 413 names so that whoever
 * reads it knows what to raise.
 *
 * @param bytes the largest size accepted
 * @param setting the property that sets the limit, such as {@code energy-sensors.parse.max-body-size}
 */
public record ByteLimit(long bytes, String setting) {

    public ByteLimit {
        if (bytes < 0) {
            throw new IllegalArgumentException(setting + " must not be negative, got " + bytes);
        }
    }
}
