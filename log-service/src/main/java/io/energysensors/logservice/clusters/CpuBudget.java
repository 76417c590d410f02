package io.energysensors.logservice.clusters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps count-triggered clustering within {@code cpu-share} of one core: a run that took d is
 * followed by a rest of {@code (1/share - 1) × d}, so runs and rests together average out to the
 * share however fast events arrive. d is the run's wall time, not its threads' CPU time: wall
 * time also counts the database work the run causes, and on a busy machine it errs on the side
 * of resting longer. A run computes on one thread at a time (the run's, then the compute
 * thread's), so it never takes more than one core while it goes.
 */
final class CpuBudget {

    private final double restPerRunTime;
    private final Clock clock;
    private volatile Instant restUntil = Instant.MIN;

    CpuBudget(double cpuShare, Clock clock) {
        this.restPerRunTime = 1 / cpuShare - 1;
        this.clock = clock;
    }

    /** A run that held the clustering lock took {@code took}: rest in proportion from now. */
    void ran(Duration took) {
        restUntil = clock.instant().plusNanos((long) (took.toNanos() * restPerRunTime));
    }

    /** When the rest after the last run ends; in the past when a run may start now. */
    Instant restUntil() {
        return restUntil;
    }

    boolean resting() {
        return clock.instant().isBefore(restUntil);
    }
}
