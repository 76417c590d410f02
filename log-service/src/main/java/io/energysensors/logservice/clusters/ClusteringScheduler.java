package io.energysensors.logservice.clusters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.energysensors.logservice.events.StoredEventCount;
import io.energysensors.logservice.ingest.EventsStored;
import io.energysensors.logservice.storage.StorageFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides when {@link ClusteringRun} runs, and runs it on the one {@code clustering-} thread,
 * never on the thread that asked.
 *
 * <ul>
 *   <li>Every {@code every-events} stored events: after each commit that stored events (and at
 *       start-up, so events stored before a restart count), the stored count is compared with
 *       {@code clustering_trigger.last_count}, the count when the last such run was due. Both
 *       live in the database, so a restart loses no count; {@code last_count} moves only in the
 *       transaction that holds {@link ClusteringLock}, so of several instances exactly one runs.
 *   <li>Within a CPU budget ({@link CpuBudget}): a count that is due while the budget rests waits
 *       for the rest to end, and every count that comes due meanwhile joins that one run.
 *   <li>Few new events ({@link NewEventsAssigner}): a count-triggered run may assign the events
 *       stored since the current result to its centers instead of clustering anew.
 *   <li>On request ({@link #requestRun}, from POST /clusters/recompute): at once, whatever the
 *       budget, since an operator who asks wants the result now; its time counts against the
 *       budget of the runs after it.
 *   <li>Coalesced: however many requests arrive while the clustering thread is busy, they leave
 *       one flag each, served by one follow-up pass; at most one pass and one wake-up are ever on
 *       the executor, so its queue never grows.
 *   <li>One instance at a time: the run's transaction first takes {@link ClusteringLock}, held
 *       until it ends; an instance that cannot take it records the run as skipped. A due count
 *       is not lost that way: the holder checks the count again after its run, and the skipped
 *       instance checks again after a backoff, in case the holder died before it could.
 * </ul>
 */
@Component
class ClusteringScheduler {

    private static final Logger log = LoggerFactory.getLogger(ClusteringScheduler.class);

    /** The first retry after the lock was held elsewhere; each further miss doubles it, up to the last. */
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private static final Duration LAST_RETRY = Duration.ofMinutes(1);

    /** A wake-up never sooner than this, so that one that fires a hair early cannot spin. */
    private static final Duration SHORTEST_WAKE_UP = Duration.ofMillis(10);

    /** A failed run the database would not let us record (it refused writes); cleared by a recorded one. */
    private final AtomicReference<RunRecord> unrecordedFailure = new AtomicReference<>();

    private final ClusteringRun run;
    private final NewEventsAssigner assigner;
    private final ClusteringLock lock;
    private final ResultWriter writer;
    private final RunReport report;
    private final StoredEventCount storedEvents;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ThreadPoolTaskScheduler clusteringThread;
    private final ClusteringProperties properties;
    private final Clock clock;
    private final CpuBudget budget;

    /** Why to run now, when a run was asked for and not yet begun. */
    private final AtomicReference<String> runRequested = new AtomicReference<>();

    private final AtomicBoolean countCheckRequested = new AtomicBoolean();
    /** True while a pass over the requests is on the clustering thread or about to be. */
    private final AtomicBoolean draining = new AtomicBoolean();

    private final AtomicBoolean wakeUpScheduled = new AtomicBoolean();

    /** When the count-triggered run that waits for its budget may start; null when none waits. */
    private volatile Instant nextRunDueAt;

    /** Only on the clustering thread: the wait before the next check after a lock miss. */
    private Duration nextRetry = FIRST_RETRY;

    ClusteringScheduler(
            ClusteringRun run,
            NewEventsAssigner assigner,
            ClusteringLock lock,
            ResultWriter writer,
            RunReport report,
            StoredEventCount storedEvents,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            @Qualifier(ClusteringExecutorConfiguration.EXECUTOR) ThreadPoolTaskScheduler clusteringThread,
            ClusteringProperties properties,
            @Qualifier(ClusteringExecutorConfiguration.CLOCK) Clock clock) {
        this.run = run;
        this.assigner = assigner;
        this.lock = lock;
        this.writer = writer;
        this.report = report;
        this.storedEvents = storedEvents;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clusteringThread = clusteringThread;
        this.properties = properties;
        this.clock = clock;
        this.budget = new CpuBudget(properties.cpuShare(), clock);
    }

    /** After commit, so the count the check reads includes these events. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void eventsStored(EventsStored stored) {
        countCheckRequested.set(true);
        drain();
    }

    /** Events stored before a restart still count. */
    @EventListener(ApplicationReadyEvent.class)
    void started() {
        countCheckRequested.set(true);
        drain();
    }

    /** Returns at once; a run already asked for and not yet begun absorbs this one. */
    void requestRun(String reason) {
        runRequested.set(reason);
        drain();
    }

    /** When this instance's waiting count-triggered run may start, or null when none waits. */
    Instant nextRunDueAt() {
        return nextRunDueAt;
    }

    /**
     * Runs now on the calling thread: in one transaction, takes the clustering lock and lets the
     * run replace the result, or records the run as skipped when another instance holds the lock.
     * Never throws: a run that fails, even with an {@link Error} such as running out of memory, is
     * recorded as a failed run, if the database lets us.
     *
     * @param reason why the run happens, stored with it
     * @return the run as recorded
     */
    RunRecord runNow(String reason) {
        return run(reason, false);
    }

    /**
     * As {@link #runNow}; count-triggered, the run happens only if the count is still due once the
     * lock is held, and moves {@code last_count} in the same transaction.
     *
     * @return the run as recorded, or null when the count was no longer due
     */
    private RunRecord run(String reason, boolean countTriggered) {
        RunRecord.Builder attempt = RunRecord.startingNow(reason, properties.scope());
        RunTimer timer = new RunTimer();
        long start = System.nanoTime();
        RunRecord outcome;
        DueCount[] due = {null};
        try {
            outcome = transaction.execute(status -> {
                if (!lock.tryAcquire()) {
                    return recorded(attempt.skipped("another instance is clustering"));
                }
                if (countTriggered) {
                    due[0] = dueCount();
                    if (due[0] == null) {
                        return null;
                    }
                    moveLastCount(due[0]);
                    attempt.trigger(due[0].reason());
                    if (assigner.applies(due[0].stored())) {
                        return assigner.assign(attempt, timer);
                    }
                }
                return run.replaceResult(attempt, timer);
            });
            timer.commit = timer.lap();
            if (outcome != null) {
                unrecordedFailure.set(null);
            }
        } catch (RuntimeException | Error e) {
            outcome = recordRolledBack(attempt, due[0], e);
        }
        if (outcome != null && outcome.status() != RunStatus.SKIPPED) {
            budget.ran(Duration.ofNanos(System.nanoTime() - start));
        }
        if (outcome != null) {
            report.report(outcome, timer);
        }
        return outcome;
    }

    /** Starts a pass on the clustering thread unless one is going that will see the new request. */
    private void drain() {
        if (draining.compareAndSet(false, true)) {
            try {
                clusteringThread.execute(this::serveRequests);
            } catch (TaskRejectedException e) {
                draining.set(false);
                log.warn("Clustering request not scheduled, the executor is shutting down: {}", e.getMessage());
            }
        }
    }

    /** On the clustering thread: serves requests until none is left. */
    private void serveRequests() {
        do {
            Request request;
            while ((request = take()) != null) {
                try {
                    RunRecord outcome = request.runReason() != null ? runNow(request.runReason()) : runIfDue();
                    afterRun(outcome);
                } catch (RuntimeException | Error e) {
                    // Logged, not thrown: escaping would leave draining set, and no run would start again.
                    log.error("Clustering request {} failed", request, e);
                }
            }
        } while (goOnDraining());
    }

    /**
     * After a run that held the lock, the count is checked again: another instance may have come
     * due meanwhile and missed the lock. After a miss, this instance checks again after a backoff.
     */
    private void afterRun(RunRecord outcome) {
        if (outcome == null) {
            return;
        }
        if (outcome.status() == RunStatus.SKIPPED) {
            wakeUpIn(nextRetry);
            nextRetry = Collections.min(List.of(nextRetry.multipliedBy(2), LAST_RETRY));
        } else {
            nextRetry = FIRST_RETRY;
            countCheckRequested.set(true);
        }
    }

    /** The request to serve next, or null when none is left. */
    private Request take() {
        String reason = runRequested.getAndSet(null);
        if (reason != null) {
            // The run clusters every event stored so far; the check after it looks at the count.
            countCheckRequested.set(false);
            return new Request(reason);
        }
        return countCheckRequested.getAndSet(false) ? new Request(null) : null;
    }

    /** True if a request arrived after the last look and no other pass has been started for it. */
    private boolean goOnDraining() {
        draining.set(false);
        return (runRequested.get() != null || countCheckRequested.get()) && draining.compareAndSet(false, true);
    }

    /** @return the run, or null when none was due or the budget rests */
    private RunRecord runIfDue() {
        try {
            if (dueCount() == null) {
                nextRunDueAt = null;
                return null;
            }
        } catch (DataAccessException e) {
            log.warn("Could not check whether a clustering run is due: {}", e.getMessage());
            return null;
        }
        if (budget.resting()) {
            Instant due = budget.restUntil();
            nextRunDueAt = due;
            wakeUpIn(Duration.between(clock.instant(), due));
            return null;
        }
        nextRunDueAt = null;
        return run("count check", true);
    }

    /** The stored and last-run counts when a count-triggered run is due, else null. */
    private DueCount dueCount() {
        long stored = storedEvents.read();
        long last = jdbc.queryForObject("SELECT last_count FROM clustering_trigger WHERE id = 1", Long.class);
        return stored - last < properties.everyEvents() ? null : new DueCount(stored, last);
    }

    private void moveLastCount(DueCount due) {
        jdbc.update(
                "UPDATE clustering_trigger SET last_count = ? WHERE id = 1 AND last_count = ?",
                due.stored(),
                due.last());
    }

    /** Checks the count again after {@code delay}, unless a wake-up is already scheduled. */
    private void wakeUpIn(Duration delay) {
        if (!wakeUpScheduled.compareAndSet(false, true)) {
            return;
        }
        Duration wait = Collections.max(List.of(delay, SHORTEST_WAKE_UP));
        try {
            clusteringThread.schedule(
                    () -> {
                        wakeUpScheduled.set(false);
                        countCheckRequested.set(true);
                        drain();
                    },
                    Instant.now().plus(wait));
        } catch (TaskRejectedException e) {
            wakeUpScheduled.set(false);
            log.warn("Clustering wake-up not scheduled, the executor is shutting down: {}", e.getMessage());
        }
    }

    private RunRecord recorded(RunRecord run) {
        return run.withId(writer.insertRun(run));
    }

    /**
     * The run's transaction rolled back: record the failure in a new one, if the database lets us,
     * in words for the user; the details go to the log. A count-triggered run still moves
     * {@code last_count}, so a run that fails every time is tried again only after
     * {@code every-events} more events, as one that fails without rolling back.
     */
    private RunRecord recordRolledBack(RunRecord.Builder attempt, DueCount due, Throwable e) {
        log.error("Clustering run ({}) rolled back", attempt.trigger(), e);
        RunRecord failed = attempt.rolledBack(inWords(e));
        try {
            RunRecord recorded = transaction.execute(status -> {
                if (due != null) {
                    moveLastCount(due);
                }
                return recorded(failed);
            });
            unrecordedFailure.set(null);
            return recorded;
        } catch (RuntimeException unrecorded) {
            e.addSuppressed(unrecorded);
            unrecordedFailure.set(failed);
            return failed;
        }
    }

    /**
     * The latest run when it failed and the database would not let its failure be recorded (it
     * refused writes, say): newer than any stored run, so the summary shows it instead.
     */
    Optional<RunRecord> unrecordedFailure() {
        return Optional.ofNullable(unrecordedFailure.get());
    }

    private static String inWords(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "the run ran out of memory";
        }
        if (StorageFaults.refusesWrites(e)) {
            return "the database refused writes (read-only or out of space) during the run";
        }
        if (e instanceof DataAccessException || e instanceof TransactionException) {
            return "the database failed during the run";
        }
        return "the run failed on an internal error";
    }

    /** A due count: events stored, and the count at the last count-triggered run. */
    private record DueCount(long stored, long last) {

        String reason() {
            return stored + " events stored, " + (stored - last) + " since the last count-triggered run";
        }
    }

    /** @param runReason why to run now, or null for a count check */
    private record Request(String runReason) {}
}
