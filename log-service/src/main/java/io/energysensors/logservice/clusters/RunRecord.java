package io.energysensors.logservice.clusters;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One clustering run as stored in {@code clustering_run}; counts and bandwidth are null when the
 * run produced no result. Built by a {@link Builder}, one method per outcome.
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
        RunKind kind,
        Long eventsClustered,
        Long eventsCovered,
        Long eventsSkipped,
        Double bandwidth,
        Integer clusterCount) {

    /** The longest trigger and reason stored; longer ones are cut. */
    private static final int MAX_TRIGGER = 200;

    private static final int MAX_REASON = 2000;

    /** A run beginning now; what it learns on the way is added to the builder. */
    static Builder startingNow(String trigger, Scope scope) {
        return new Builder(clip(trigger, MAX_TRIGGER), scope);
    }

    /** The same run under the id its row was given. */
    RunRecord withId(long id) {
        return new RunRecord(
                id,
                startedAt,
                finishedAt,
                durationMs,
                status,
                trigger,
                reason,
                scope,
                kind,
                eventsClustered,
                eventsCovered,
                eventsSkipped,
                bandwidth,
                clusterCount);
    }

    /** Collects a run's id and counts as it goes; each outcome method records it as ending now. */
    static final class Builder {

        private final Instant startedAt = Instant.now();
        private final long startNanos = System.nanoTime();
        private String trigger;
        private final Scope scope;
        private RunKind kind = RunKind.FULL;
        private long id;
        private Long eventsClustered;
        private Long eventsSkipped;

        private Builder(String trigger, Scope scope) {
            this.trigger = trigger;
            this.scope = scope;
        }

        Scope scope() {
            return scope;
        }

        String trigger() {
            return trigger;
        }

        /** Why the run happens, once it is known better than when the attempt began. */
        Builder trigger(String trigger) {
            this.trigger = clip(trigger, MAX_TRIGGER);
            return this;
        }

        /** The run assigns new events to the previous result's centers instead of clustering anew. */
        Builder assignment() {
            this.kind = RunKind.ASSIGNMENT;
            return this;
        }

        Builder id(long id) {
            this.id = id;
            return this;
        }

        /** The features read: how many to cluster, and how many events could not be placed. */
        Builder read(long clustered, long skipped) {
            this.eventsClustered = clustered;
            this.eventsSkipped = skipped;
            return this;
        }

        /** As inserted when the run begins; visible only inside its own transaction. */
        RunRecord running() {
            return new RunRecord(
                    id,
                    startedAt,
                    startedAt,
                    0,
                    RunStatus.RUNNING,
                    trigger,
                    null,
                    scope,
                    kind,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        RunRecord succeeded(long covered, long skipped, double bandwidth, int clusterCount) {
            return end(RunStatus.SUCCEEDED, null, eventsClustered, covered, skipped, bandwidth, clusterCount);
        }

        /** Clustering refused the features: the counts read so far are kept. */
        RunRecord failed(String reason) {
            return end(RunStatus.FAILED, clip(reason, MAX_REASON), eventsClustered, null, eventsSkipped, null, null);
        }

        /** The run's transaction rolled back: nothing of it is stored, so the record starts afresh. */
        RunRecord rolledBack(String reason) {
            return end(RunStatus.FAILED, clip(reason, MAX_REASON), null, null, null, null, null)
                    .withId(0);
        }

        RunRecord skipped(String reason) {
            return end(RunStatus.SKIPPED, clip(reason, MAX_REASON), null, null, null, null, null);
        }

        private RunRecord end(
                RunStatus status,
                String reason,
                Long clustered,
                Long covered,
                Long skipped,
                Double bandwidth,
                Integer clusterCount) {
            return new RunRecord(
                    id,
                    startedAt,
                    Instant.now(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
                    status,
                    trigger,
                    reason,
                    scope,
                    kind,
                    clustered,
                    covered,
                    skipped,
                    bandwidth,
                    clusterCount);
        }
    }

    private static String clip(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
