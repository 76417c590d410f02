package io.energysensors.logservice.clusters;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When and over what the background clustering runs ({@code energy-sensors.clustering.*}).
 *
 * @param everyEvents a run starts each time this many more events are stored, counted in the database
 * @param scope which events are clustered; with {@code recent} or {@code sample} every other
 *     event is assigned to its nearest center
 * @param maxEvents how many events {@code recent} and {@code sample} cluster
 * @param sampleSeed seed of the {@code sample} scope's draw: the same store and seed give the same sample
 * @param maxAbsFeature an event with a feature beyond this magnitude is skipped: no sensor measures
 *     a gigawatt, and one such value would inflate the bandwidth until every event is one cluster
 * @param cpuShare the share of one core count-triggered runs may use: after a run that took d, the
 *     next one waits at least {@code (1/cpuShare - 1) × d}; more than 0, at most 1 (no wait)
 * @param keepRuns how many of the latest runs {@code clustering_run} keeps (besides the one whose
 *     result is current); older ones are deleted by each run, so the table does not grow with time
 * @param assignBelow a count-triggered run assigns the events stored since the last full run to
 *     that run's centers, instead of clustering anew, while they are fewer than this fraction of
 *     the events it covered; at least 0 (never assign), below 1
 * @param fullRunEvery at most this many count-triggered runs in a row make one full run and
 *     assignments after it: every {@code fullRunEvery}-th is full whatever the fraction; at least 1
 *     (every run full)
 */
@ConfigurationProperties("energy-sensors.clustering")
public record ClusteringProperties(
        @DefaultValue("1000") long everyEvents,
        @DefaultValue("all") Scope scope,
        @DefaultValue("100000") int maxEvents,
        @DefaultValue("0") long sampleSeed,
        @DefaultValue("1e9") double maxAbsFeature,
        @DefaultValue("0.25") double cpuShare,
        @DefaultValue("10") int keepRuns,
        @DefaultValue("0.05") double assignBelow,
        @DefaultValue("10") int fullRunEvery) {

    public ClusteringProperties {
        if (everyEvents < 1) {
            throw new IllegalArgumentException(
                    "energy-sensors.clustering.every-events must be at least 1, got " + everyEvents);
        }
        if (maxEvents < 2) {
            throw new IllegalArgumentException(
                    "energy-sensors.clustering.max-events must be at least 2, got " + maxEvents);
        }
        if (!(maxAbsFeature > 0) || Double.isInfinite(maxAbsFeature)) {
            throw new IllegalArgumentException(
                    "energy-sensors.clustering.max-abs-feature must be a positive finite number, got " + maxAbsFeature);
        }
        if (!(cpuShare > 0 && cpuShare <= 1)) {
            throw new IllegalArgumentException(
                    "energy-sensors.clustering.cpu-share must be more than 0 and at most 1, got " + cpuShare);
        }
        if (keepRuns < 1) {
            throw new IllegalArgumentException(
                    "energy-sensors.clustering.keep-runs must be at least 1, got " + keepRuns);
        }
        if (!(assignBelow >= 0 && assignBelow < 1)) {
            throw new IllegalArgumentException(
                    "energy-sensors.clustering.assign-below must be at least 0 and below 1, got " + assignBelow);
        }
        if (fullRunEvery < 1) {
            throw new IllegalArgumentException(
                    "energy-sensors.clustering.full-run-every must be at least 1, got " + fullRunEvery);
        }
    }
}
