package io.energysensors.web.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Bucket4j token buckets per client: a static token by its id, a JWT by its subject, a client let
 * in without a token (local mode) by its remote address. Each client has one bucket for requests
 * and one for events, sized by its role's limits. There are only as many clients as tokens,
 * identity-provider users and loopback addresses, so the map needs no eviction.
 */
final class RateLimits {

    private final SecurityProperties.RateLimits limits;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    RateLimits(SecurityProperties.RateLimits limits) {
        this.limits = limits;
    }

    /** A client's two buckets. */
    record Client(String name, Bucket requests, Bucket events, SecurityProperties.Limit limit) {}

    Client clientOf(HttpServletRequest request, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof TokenPrincipal token) {
            return clients.computeIfAbsent("token " + token.id(), name -> client(name, limits.of(token.role())));
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            Role role = authentication.getAuthorities().contains(Role.ADMIN.authority()) ? Role.ADMIN : Role.READER;
            Jwt token = jwt.getToken();
            return clients.computeIfAbsent(
                    "jwt " + token.getIssuer() + " " + token.getSubject() + " " + role,
                    name -> client(name, limits.of(role)));
        }
        return clients.computeIfAbsent("address " + request.getRemoteAddr(), name -> client(name, limits.local()));
    }

    private static Client client(String name, SecurityProperties.Limit limit) {
        return new Client(
                name,
                bucket(limit.requestsPerSecond(), limit.requestBurst()),
                bucket(limit.eventsPerSecond(), limit.eventBurst()),
                limit);
    }

    private static Bucket bucket(int perSecond, int burst) {
        return Bucket.builder()
                .addLimit(l -> l.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build();
    }

    /** Seconds until the bucket holds what the probe asked for, at least 1: the Retry-After value. */
    static long retryAfterSeconds(ConsumptionProbe probe) {
        long nanos = probe.getNanosToWaitForRefill();
        long seconds = nanos / 1_000_000_000L + (nanos % 1_000_000_000L == 0 ? 0 : 1);
        return Math.max(1, seconds);
    }
}
