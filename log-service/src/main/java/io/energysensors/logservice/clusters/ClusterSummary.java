package io.energysensors.logservice.clusters;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * GET /clusters/summary: the original's {@code {"clusters": [...]}} with the orphans (-1) first,
 * plus what the result was computed from. Before any successful run every member but
 * {@code clusters} and {@code last_run} is null.
 *
 * @param kind how the current result was computed: {@code full}, Mean Shift over the scope, or
 *     {@code assignment}, the events stored since the result before it assigned to its centers
 * @param lastRun the most recent run, whatever became of it; null before the first
 * @param nextRunDueAt when this instance's count-triggered run, due but waiting for its CPU
 *     budget, will start; null when none waits
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ClusterSummary(
        Long runId,
        Instant computedAt,
        String scope,
        String kind,
        Long eventsClustered,
        Long eventsCovered,
        Long eventsSkipped,
        Double bandwidth,
        List<Cluster> clusters,
        LastRun lastRun,
        Instant nextRunDueAt) {

    /**
     * One label's count and the means of the original's five power and line features, under the
     * original's keys: {@code "avg_" +} {@link io.energysensors.format.event.Feature#jsonName()}.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Cluster(
            int label,
            long count,
            double avgPowerActiveW,
            double avgPowerReactiveVar,
            double avgPowerApparentVa,
            double avgLineCurrentA,
            double avgLineVoltageV,
            double[] center) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LastRun(
            long id,
            String status,
            String kind,
            String reason,
            String trigger,
            Instant startedAt,
            Instant finishedAt,
            long durationMs,
            Long eventsCovered,
            Long eventsSkipped) {

        static LastRun of(RunRecord run) {
            return new LastRun(
                    run.id(),
                    run.status().name(),
                    run.kind().name().toLowerCase(Locale.ROOT),
                    run.reason(),
                    run.trigger(),
                    run.startedAt(),
                    run.finishedAt(),
                    run.durationMs(),
                    run.eventsCovered(),
                    run.eventsSkipped());
        }
    }
}
