package io.energysensors.format.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one event may cost and when it may have been measured: a hostile line could otherwise
 * carry millions of peaks, and a year such as 0001 or 9999 is no sensor's clock but a mistake.
 *
 * @param maxListElements most elements of one list ({@code Peaks}, {@code FFT Re}, {@code FFT Img})
 * @param maxElements most values of the whole line, every section counted
 * @param earliest the earliest {@code UTC Time} accepted
 * @param maxAhead how far past the reader's clock a {@code UTC Time} may lie, for sensors whose
 *     clocks run a little fast
 */
public record EventLimits(int maxListElements, int maxElements, Instant earliest, Duration maxAhead) {

    /** Far above any real sensor's line (the sample's lists hold 10, 9 and 9 values). */
    public static final EventLimits DEFAULTS = new EventLimits(1_000, 4_000, Instant.EPOCH, Duration.ofDays(1));

    public EventLimits {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(maxAhead, "maxAhead");
        if (maxListElements < 1 || maxElements < 1 || maxAhead.isNegative()) {
            throw new IllegalArgumentException(
                    "limits must be positive: " + maxListElements + ", " + maxElements + ", " + maxAhead);
        }
    }
}
