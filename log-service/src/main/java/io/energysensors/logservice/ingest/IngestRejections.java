package io.energysensors.logservice.ingest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What POST /log/store (and the other doors of the ingest pipeline) refused since the service
 * started, by reason: bad lines of a rejected batch
 * count one each; a body refused as a whole (too large, not text in its charset, unreadable, no
 * event, wrong media type) counts one, since its lines were never counted. Kept in memory: it is a
 * live figure, not history.
 */
@Component
public class IngestRejections {

    /** The reasons, few and fixed, so the map stays small whatever clients send. */
    public static final String INVALID_LINE = "invalid line";

    public static final String TOO_LARGE = "too large";
    public static final String MALFORMED_BODY = "malformed body";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported media type";

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    IngestRejections(MeterRegistry meters) {
        this.meters = meters;
    }

    void add(String reason, long lines) {
        counts.computeIfAbsent(reason, key -> new LongAdder()).add(lines);
        Counter.builder("energy_sensors.ingest.rejected")
                .tag("reason", reason)
                .description("Lines (or whole bodies) POST /log/store refused, by reason")
                .register(meters)
                .increment(lines);
    }

    /** The reason for a body refused as a whole, by the status it was refused with. */
    static String reasonFor(HttpStatus status) {
        return switch (status) {
            case CONTENT_TOO_LARGE -> TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> UNSUPPORTED_MEDIA_TYPE;
            default -> MALFORMED_BODY;
        };
    }

    /** Every reason seen so far and its count, sorted by reason. */
    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((reason, count) -> snapshot.put(reason, count.sum()));
        return snapshot;
    }
}
