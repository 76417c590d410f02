package io.energysensors.logservice.dashboard;

import java.time.Instant;

import io.energysensors.logservice.events.CurrentLabels;
import io.energysensors.logservice.events.StoredEventCount;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The point sample, taken once per clustering result rather than on each poll of the page
 * (every 3 s per open dashboard; a sample reads the whole table, 5 s at a million events). It is
 * taken again when a new result becomes current, when another limit is asked, or when it is older
 * than energy-sensors.dashboard.sample-max-age and events were stored since: the page then also
 * shows events stored between runs, unlabelled, at most that late. Its JSON is written once
 * with it, too: at 20,000 points it is 1.5 MB, which took 40-50 ms to write on every poll.
 */
@Component
class SampleCache {

    private final PointSampler sampler;
    private final CurrentLabels labels;
    private final StoredEventCount storedEvents;
    private final DashboardProperties properties;
    private final JsonMapper json;
    private final Counter taken;
    private Served last;

    /** A sample and its JSON. */
    record Served(PointSample sample, byte[] json) {}

    SampleCache(
            PointSampler sampler,
            CurrentLabels labels,
            StoredEventCount storedEvents,
            DashboardProperties properties,
            JsonMapper json,
            MeterRegistry meters) {
        this.sampler = sampler;
        this.labels = labels;
        this.storedEvents = storedEvents;
        this.properties = properties;
        this.json = json;
        this.taken = Counter.builder("energy_sensors.dashboard.samples")
                .description("Point samples taken for the dashboard; polls between runs reuse the last")
                .register(meters);
    }

    /** Polls wait for a sample another poll is taking rather than take one each. */
    synchronized Served sample(int limit) {
        long runId = labels.current().runId();
        if (last == null || last.sample().runId() != runId || last.sample().limit() != limit || stale(last.sample())) {
            PointSample sample = sampler.sample(limit);
            last = new Served(sample, json.writeValueAsBytes(sample));
            taken.increment();
        }
        return last;
    }

    private boolean stale(PointSample sample) {
        Instant expires = sample.takenAt().plus(properties.sampleMaxAge());
        return Instant.now().isAfter(expires) && storedEvents.read() != sample.total();
    }
}
