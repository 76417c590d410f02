package io.energysensors.logservice.reads;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.energysensors.logservice.ingest.EventsStored;
import io.energysensors.web.problem.ApiProblem;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Serves read requests in at most {@code max-concurrent} turns at once. While events are being
 * stored, a turn rests after each read in proportion to the read's length, so reads take at most
 * {@code share-while-storing} of a turn's time: a closed loop of readers would otherwise keep
 * every turn, and a core per turn, busy at the writers' expense. A read waits up to
 * {@code max-wait} for a turn, behind at most {@code max-waiting} others; otherwise it gets 503
 * with Retry-After. POST /log/store never passes here.
 */
@Component
class ReadBulkhead implements HandlerInterceptor, MeterBinder, DisposableBean {

    private static final String TURN_TAKEN_AT = ReadBulkhead.class.getName() + ".turnTakenAt";
    private static final String RETRY_AFTER_SECONDS = "1";
    /** A commit this recent means events are being stored: stores arrive many times a second under load. */
    private static final long STORING_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ReadProperties properties;
    private final Semaphore turns;
    private final double restPerReadTime;
    private final long longestRestNanos;
    private final AtomicInteger serving = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong restedNanos = new AtomicLong();
    private final ScheduledExecutorService restEnds = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-turn-rests");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long lastStoredAt = System.nanoTime() - 2 * STORING_WINDOW_NANOS;

    ReadBulkhead(ReadProperties properties) {
        this.properties = properties;
        this.turns = new Semaphore(properties.maxConcurrent(), true);
        this.restPerReadTime = 1 / properties.shareWhileStoring() - 1;
        // A reader that arrives as a rest begins still gets the turn within its max-wait.
        this.longestRestNanos = properties.maxWait().toNanos() / 2;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("energy_sensors.reads.in_flight", serving, AtomicInteger::get)
                .description("Read requests being served now; at most energy-sensors.reads.max-concurrent")
                .register(meters);
        Gauge.builder("energy_sensors.reads.waiting", waiting, AtomicInteger::get)
                .description("Read requests waiting for a turn; at most energy-sensors.reads.max-waiting")
                .register(meters);
        FunctionCounter.builder("energy_sensors.reads.rested", restedNanos, nanos -> nanos.get() / 1e9)
                .description("Seconds read turns rested while events were being stored, leaving the CPU to writers")
                .baseUnit("seconds")
                .register(meters);
    }

    /** Called in the storing transaction, for every commit: only marks the time. */
    @EventListener
    void eventsStored(EventsStored stored) {
        lastStoredAt = System.nanoTime();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!HttpMethod.GET.matches(request.getMethod())) {
            return true;
        }
        takeTurn();
        serving.incrementAndGet();
        request.setAttribute(TURN_TAKEN_AT, System.nanoTime());
        return true;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        if (!(request.getAttribute(TURN_TAKEN_AT) instanceof Long takenAt)) {
            return;
        }
        request.removeAttribute(TURN_TAKEN_AT);
        serving.decrementAndGet();
        long now = System.nanoTime();
        long rest = now - lastStoredAt < STORING_WINDOW_NANOS
                ? Math.min((long) ((now - takenAt) * restPerReadTime), longestRestNanos)
                : 0;
        if (rest <= 0) {
            turns.release();
        } else {
            restedNanos.addAndGet(rest);
            restEnds.schedule((Runnable) turns::release, rest, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void destroy() {
        restEnds.shutdownNow();
    }

    /** Waits for a turn in arrival order, or throws the 503 that says why none came. */
    private void takeTurn() {
        int ahead = waiting.getAndIncrement();
        try {
            if (ahead >= properties.maxWaiting() && turns.availablePermits() == 0) {
                throw unavailable(ahead + " reads are waiting for a turn already");
            }
            if (!turns.tryAcquire(properties.maxWait().toNanos(), TimeUnit.NANOSECONDS)) {
                throw unavailable(
                        "no read turn came free within " + properties.maxWait().toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("the wait for a read turn was interrupted");
        } finally {
            waiting.decrementAndGet();
        }
    }

    private ApiProblem unavailable(String why) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                why + ": reads are served " + properties.maxConcurrent() + " at once and, while events are "
                        + "being stored, rest between turns so that storing keeps its pace; retry in a second",
                Map.of(),
                headers);
    }
}
