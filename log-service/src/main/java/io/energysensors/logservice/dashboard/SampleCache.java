package io.energysensors.logservice.dashboard;

import java.time.Instant;

import io.energysensors.logservice.events.CurrentLabels;
import io.energysensors.logservice.events.StoredEventCount;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The point sample, taken once per clustering result rather than on each poll of the page
 * (every 3 s per open dashboard; a sample reads the whole table, 5 s at a million events). It is
 * taken again when a new result becomes current, when another limit is asked, or when it is older
 * than energy-sensors.dashboard.sample-max-age and events were stored since: the page then also
 * shows events stored between runs, unlabelled, at most that late.
 */
@Component
class SampleCache {

    private final PointSampler sampler;
    private final CurrentLabels labels;
    private final StoredEventCount storedEvents;
    private final DashboardProperties properties;
    private final Counter taken;
    private PointSample last;

    SampleCache(
            PointSampler sampler,
            CurrentLabels labels,
            StoredEventCount storedEvents,
            DashboardProperties properties,
            MeterRegistry meters) {
        this.sampler = sampler;
        this.labels = labels;
        this.storedEvents = storedEvents;
        this.properties = properties;
        this.taken = Counter.builder("energy_sensors.dashboard.samples")
                .description("Point samples taken for the dashboard; polls between runs reuse the last")
                .register(meters);
    }

    /** Polls wait for a sample another poll is taking rather than take one each. */
    synchronized PointSample sample(int limit) {
        long runId = labels.current().runId();
        if (last == null || last.runId() != runId || last.limit() != limit || stale()) {
            last = sampler.sample(limit);
            taken.increment();
        }
        return last;
    }

    private boolean stale() {
        Instant expires = last.takenAt().plus(properties.sampleMaxAge());
        return Instant.now().isAfter(expires) && storedEvents.read() != last.total();
    }
}
