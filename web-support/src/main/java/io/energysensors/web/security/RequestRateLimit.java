package io.energysensors.web.security;

import java.io.IOException;
import java.util.Map;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes one request from the client's bucket once the request is authorized, and leaves the
 * client on the request for {@link EventAllowance}; over the limit: 429 with Retry-After before
 * any work. Public paths (health, the dashboard's files) are not counted.
 */
final class RequestRateLimit extends OncePerRequestFilter {

    static final String CLIENT = RequestRateLimit.class.getName() + ".client";

    private final RateLimits limits;
    private final RequestMatcher unlimited;

    RequestRateLimit(RateLimits limits, RequestMatcher unlimited) {
        this.limits = limits;
        this.unlimited = unlimited;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return unlimited.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimits.Client client =
                limits.clientOf(request, SecurityContextHolder.getContext().getAuthentication());
        ConsumptionProbe probe = client.requests().tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = RateLimits.retryAfterSeconds(probe);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            SecurityProblems.write(
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too many requests: this client may send " + client.limit().requestsPerSecond()
                            + " requests per second (bursts of "
                            + client.limit().requestBurst()
                            + "); retry in " + seconds + " s",
                    Map.of("retry_after_seconds", seconds));
            return;
        }
        request.setAttribute(CLIENT, client);
        chain.doFilter(request, response);
    }
}
