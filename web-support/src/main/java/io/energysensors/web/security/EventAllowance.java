package io.energysensors.web.security;

import java.util.Map;

import io.energysensors.web.problem.ApiProblem;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The events-per-second half of the rate limits: a write endpoint takes its batch's events from
 * the client's bucket after reading the batch and before storing any of it.
 */
public final class EventAllowance {

    EventAllowance() {}

    /**
     * Takes {@code events} from the bucket of the client that sent the request.
     *
     * @throws ApiProblem 429 with Retry-After when the bucket holds fewer
     */
    public void take(HttpServletRequest request, int events) {
        if (!(request.getAttribute(RequestRateLimit.CLIENT) instanceof RateLimits.Client client)) {
            return;
        }
        ConsumptionProbe probe = client.events().tryConsumeAndReturnRemaining(events);
        if (probe.isConsumed()) {
            return;
        }
        SecurityProperties.Limit limit = client.limit();
        long seconds = RateLimits.retryAfterSeconds(probe);
        String message = events > limit.eventBurst()
                ? "a batch of " + events + " events is more than this client's burst of " + limit.eventBurst()
                        + " events; send smaller batches; nothing was stored"
                : "too many events: this client may send " + limit.eventsPerSecond() + " events per second (bursts of "
                        + limit.eventBurst() + "); retry in " + seconds + " s; nothing was stored";
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, message, Map.of("retry_after_seconds", seconds), headers);
    }
}
