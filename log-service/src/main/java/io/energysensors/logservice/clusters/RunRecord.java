package io.energysensors.logservice.clusters;

import java.time.Instant;

/**
 * One clustering run as stored in {@code clustering_run}; counts and bandwidth are null when the
 * run produced no result.
 */
public record RunRecord(
        long id,
        Instant startedAt,
        Instant finishedAt,
        long durationMs,
        RunStatus status,
        String trigger,
        String reason,
        Scope scope,
        Long eventsClustered,
        Long eventsCovered,
        Long eventsSkipped,
        Double bandwidth,
        Integer clusterCount) {}
