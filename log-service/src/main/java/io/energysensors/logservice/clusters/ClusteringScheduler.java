package io.energysensors.logservice.clusters;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.energysensors.logservice.events.StoredEventCount;
import io.energysensors.logservice.ingest.EventsStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
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
 *       live in the database, so a restart loses no count, and moving {@code last_count} by
 *       compare-and-set lets only one of several instances that see the same count run.
 *   <li>On request ({@link #requestRun}, from POST /clusters/recompute).
 *   <li>Coalesced: however many requests arrive while the clustering thread is busy, they leave
 *       one flag each, served by one follow-up pass; at most one task is ever on the executor,
 *       so its queue never grows.
 *   <li>One instance at a time: the run's transaction first takes {@link ClusteringLock}, held
 *       until it ends; an instance that cannot take it records the run as skipped.
 * </ul>
 */
@Component
class ClusteringScheduler {

    private static final Logger log = LoggerFactory.getLogger(ClusteringScheduler.class);

    private final ClusteringRun run;
    private final ClusteringLock lock;
    private final ResultWriter writer;
    private final RunReport report;
    private final StoredEventCount storedEvents;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TaskExecutor clusteringThread;
    private final ClusteringProperties properties;

    /** Why to run now, when a run was asked for and not yet begun. */
    private final AtomicReference<String> runRequested = new AtomicReference<>();

    private final AtomicBoolean countCheckRequested = new AtomicBoolean();
    /** True while a pass over the requests is on the clustering thread or about to be. */
    private final AtomicBoolean draining = new AtomicBoolean();

    ClusteringScheduler(
            ClusteringRun run,
            ClusteringLock lock,
            ResultWriter writer,
            RunReport report,
            StoredEventCount storedEvents,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            @Qualifier(ClusteringExecutorConfiguration.EXECUTOR) TaskExecutor clusteringThread,
            ClusteringProperties properties) {
        this.run = run;
        this.lock = lock;
        this.writer = writer;
        this.report = report;
        this.storedEvents = storedEvents;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clusteringThread = clusteringThread;
        this.properties = properties;
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

    /**
     * Runs now on the calling thread: in one transaction, takes the clustering lock and lets the
     * run replace the result, or records the run as skipped when another instance holds the lock.
     * Never throws: a transaction that fails is recorded as a failed run, if the database lets us.
     *
     * @param reason why the run happens, stored with it
     * @return the run as recorded
     */
    RunRecord runNow(String reason) {
        RunRecord.Builder attempt = RunRecord.startingNow(reason, properties.scope());
        RunTimer timer = new RunTimer();
        RunRecord outcome;
        try {
            outcome = transaction.execute(status -> lock.tryAcquire()
                    ? run.replaceResult(attempt, timer)
                    : recorded(attempt.skipped("another instance is clustering")));
            timer.commit = timer.lap();
        } catch (RuntimeException e) {
            outcome = recordRolledBack(attempt, e);
        }
        report.report(outcome, timer);
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
                    if (request.runReason() != null) {
                        runNow(request.runReason());
                    } else {
                        runIfDue();
                    }
                } catch (RuntimeException e) {
                    // Logged, not thrown: escaping would leave draining set, and no run would start again.
                    log.error("Clustering request {} failed", request, e);
                }
            }
        } while (goOnDraining());
    }

    /** The request to serve next, or null when none is left. */
    private Request take() {
        String reason = runRequested.getAndSet(null);
        if (reason != null) {
            // The run clusters every event stored so far: a pending count check has nothing to add.
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

    private void runIfDue() {
        try {
            long stored = storedEvents.read();
            long last = jdbc.queryForObject("SELECT last_count FROM clustering_trigger WHERE id = 1", Long.class);
            if (stored - last < properties.everyEvents()) {
                return;
            }
            int moved = jdbc.update(
                    "UPDATE clustering_trigger SET last_count = ? WHERE id = 1 AND last_count = ?", stored, last);
            if (moved == 1) {
                runNow(stored + " events stored, " + (stored - last) + " since the last count-triggered run");
            }
        } catch (DataAccessException e) {
            log.warn("Could not check whether a clustering run is due: {}", e.getMessage());
        }
    }

    private RunRecord recorded(RunRecord run) {
        return run.withId(writer.insertRun(run));
    }

    /** The run's transaction rolled back: record the failure in a new one, if the database lets us. */
    private RunRecord recordRolledBack(RunRecord.Builder attempt, RuntimeException e) {
        RunRecord failed = attempt.rolledBack(e.getClass().getSimpleName() + ": " + e.getMessage());
        try {
            return transaction.execute(status -> recorded(failed));
        } catch (RuntimeException unrecorded) {
            e.addSuppressed(unrecorded);
            return failed;
        }
    }

    /** @param runReason why to run now, or null for a count check */
    private record Request(String runReason) {}
}
