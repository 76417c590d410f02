package io.energysensors.web.security;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code energy-sensors.security.*}, the same in both services (docs/configuration.md,
 * docs/security.md).
 *
 * @param mode local or tokens; unset: tokens as soon as any token or JWT issuer is configured
 * @param tokens SHA-256 hashes (hex) of the static tokens per role; a device entry may end in
 *     {@code :ID} to bind the token to that device ID
 * @param tokensFile a file of {@code role hash [device-id]} lines, beside or instead of tokens
 * @param allowedOrigins browser origins besides the service's own that may call it (patterns as
 *     Spring's CORS support takes them, e.g. {@code https://*.example.org})
 * @param jwt an identity provider whose JWTs are accepted for the reader and admin roles
 * @param rateLimits token buckets per client, by role
 */
@ConfigurationProperties("energy-sensors.security")
public record SecurityProperties(
        Mode mode, Tokens tokens, Path tokensFile, List<String> allowedOrigins, Jwt jwt, RateLimits rateLimits) {

    public enum Mode {
        LOCAL,
        TOKENS
    }

    public SecurityProperties {
        tokens = tokens != null ? tokens : new Tokens(null, null, null);
        allowedOrigins = allowedOrigins != null ? List.copyOf(allowedOrigins) : List.of();
        jwt = jwt != null ? jwt : new Jwt(null, null, null);
        rateLimits = rateLimits != null ? rateLimits : new RateLimits(null, null, null, null);
    }

    /** The mode in force: the configured one, else tokens when any credential is configured. */
    Mode effectiveMode() {
        if (mode != null) {
            return mode;
        }
        return tokens.any() || tokensFile != null || jwt.enabled() ? Mode.TOKENS : Mode.LOCAL;
    }

    public record Tokens(List<String> device, List<String> reader, List<String> admin) {

        public Tokens {
            device = device != null ? List.copyOf(device) : List.of();
            reader = reader != null ? List.copyOf(reader) : List.of();
            admin = admin != null ? List.copyOf(admin) : List.of();
        }

        List<String> of(Role role) {
            return switch (role) {
                case DEVICE -> device;
                case READER -> reader;
                case ADMIN -> admin;
            };
        }

        boolean any() {
            return !device.isEmpty() || !reader.isEmpty() || !admin.isEmpty();
        }
    }

    /**
     * @param issuerUri the issuer; its discovery document names the keys unless jwkSetUri does
     * @param jwkSetUri where the signing keys are; with issuerUri too, the issuer is still checked
     * @param rolesClaim the claim listing the roles ({@code reader}, {@code admin}); default roles
     */
    public record Jwt(String issuerUri, String jwkSetUri, String rolesClaim) {

        public Jwt {
            issuerUri = blankToNull(issuerUri);
            jwkSetUri = blankToNull(jwkSetUri);
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        }

        boolean enabled() {
            return issuerUri != null || jwkSetUri != null;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }

    /**
     * Limits per role; {@code local} is for clients let in without a token in local mode, counted
     * per remote address. Unset values take defaults far above what the demo and the benchmarks
     * send, so the limits only stop a runaway client.
     */
    public record RateLimits(Limit local, Limit device, Limit reader, Limit admin) {

        public RateLimits {
            local = Limit.orDefaults(local, new Limit(100_000, null, 1_000_000, null), "local");
            device = Limit.orDefaults(device, new Limit(20_000, null, 200_000, null), "device");
            reader = Limit.orDefaults(reader, new Limit(10_000, null, 200_000, null), "reader");
            admin = Limit.orDefaults(admin, new Limit(20_000, null, 1_000_000, null), "admin");
        }

        Limit of(Role role) {
            return switch (role) {
                case DEVICE -> device;
                case READER -> reader;
                case ADMIN -> admin;
            };
        }
    }

    /**
     * A token bucket for requests and one for events: each refills at its rate per second and
     * holds at most its burst.
     */
    public record Limit(Integer requestsPerSecond, Integer requestBurst, Integer eventsPerSecond, Integer eventBurst) {

        /** Unset rates take the role's defaults; an unset burst is twice its rate. */
        static Limit orDefaults(Limit limit, Limit defaults, String role) {
            Limit given = limit != null ? limit : new Limit(null, null, null, null);
            int requests = or(given.requestsPerSecond, defaults.requestsPerSecond);
            int events = or(given.eventsPerSecond, defaults.eventsPerSecond);
            Limit merged = new Limit(
                    requests, or(given.requestBurst, twice(requests)), events, or(given.eventBurst, twice(events)));
            String prefix = "energy-sensors.security.rate-limits." + role + ".";
            positive(prefix + "requests-per-second", merged.requestsPerSecond);
            positive(prefix + "request-burst", merged.requestBurst);
            positive(prefix + "events-per-second", merged.eventsPerSecond);
            positive(prefix + "event-burst", merged.eventBurst);
            return merged;
        }

        private static int twice(int rate) {
            return (int) Math.min(Integer.MAX_VALUE, 2L * rate);
        }

        private static Integer or(Integer value, Integer fallback) {
            return value != null ? value : fallback;
        }

        private static void positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + value);
            }
        }
    }
}
