package io.energysensors.logservice.reads;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.energysensors.web.problem.ApiProblem;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets at most {@code max-concurrent} read requests in at once; the next waits up to
 * {@code max-wait} for a turn, then gets 503 with Retry-After. Readers hammering the service thus
 * hold a bounded share of the connection pool and of the CPU, and POST /log/store never waits
 * behind them for a connection.
 */
@Component
class ReadBulkhead implements HandlerInterceptor, MeterBinder {

    private static final String HOLDS_TURN = ReadBulkhead.class.getName() + ".turn";
    private static final String RETRY_AFTER_SECONDS = "1";

    private final Semaphore turns;
    private final ReadProperties properties;

    ReadBulkhead(ReadProperties properties) {
        this.properties = properties;
        this.turns = new Semaphore(properties.maxConcurrent(), true);
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("energy_sensors.reads.in_flight", turns, t -> properties.maxConcurrent() - t.availablePermits())
                .description("Read requests being served now; at most energy-sensors.reads.max-concurrent")
                .register(meters);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!HttpMethod.GET.matches(request.getMethod())) {
            return true;
        }
        if (!takeTurn()) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            throw new ApiProblem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    properties.maxConcurrent() + " reads are being served already and none finished within "
                            + properties.maxWait().toMillis() + " ms; retry in a second",
                    Map.of(),
                    headers);
        }
        request.setAttribute(HOLDS_TURN, Boolean.TRUE);
        return true;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        if (request.getAttribute(HOLDS_TURN) != null) {
            request.removeAttribute(HOLDS_TURN);
            turns.release();
        }
    }

    private boolean takeTurn() {
        try {
            return turns.tryAcquire(properties.maxWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
