package io.energysensors.web.security;

/**
 * Who a static token stands for. {@code id} names the token in logs and rate limits by the start
 * of its hash, never by the token; {@code device} is the one device ID a bound device token may
 * write for, or null.
 */
public record TokenPrincipal(String id, Role role, Long device) {

    /** Whether an event of this device may be written with this token. */
    public boolean mayWriteFor(long deviceId) {
        return device == null || device == deviceId;
    }
}
