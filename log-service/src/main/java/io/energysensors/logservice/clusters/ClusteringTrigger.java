package io.energysensors.logservice.clusters;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.energysensors.logservice.ingest.EventsStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Asks for runs without ever blocking the caller, and coalesces: however many requests arrive
 * while the clustering thread is busy, they leave one pending flag, served by one follow-up pass.
 * At most one task is ever on the executor, so its queue never grows.
 *
 * <p>Two kinds of request: a run now ({@link #requestRun}), and a count check after events are
 * committed, which runs only if {@code every-events} more events were stored since the count
 * of the last run started for it ({@link RunTrigger#runIfDue}).
 */
@Component
class ClusteringTrigger {

    private static final Logger log = LoggerFactory.getLogger(ClusteringTrigger.class);

    private final AtomicReference<String> runRequested = new AtomicReference<>();
    private final AtomicBoolean checkRequested = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ClusteringWorker worker;

    ClusteringTrigger(ClusteringWorker worker) {
        this.worker = worker;
    }

    /** After commit, so the count read by the check includes these events. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void eventsStored(EventsStored stored) {
        checkRequested.set(true);
        drain();
    }

    /** Events stored before a restart still count. */
    @EventListener(ApplicationReadyEvent.class)
    void started() {
        checkRequested.set(true);
        drain();
    }

    void requestRun(String reason) {
        runRequested.set(reason);
        drain();
    }

    /** The request to serve next on the clustering thread, or null when there is none. */
    Request take() {
        String reason = runRequested.getAndSet(null);
        if (reason != null) {
            checkRequested.set(false);
            return new Request(reason);
        }
        return checkRequested.getAndSet(false) ? new Request(null) : null;
    }

    /**
     * Called by the clustering thread when {@link #take} came back empty. True if it must go on:
     * a request arrived after that and no other pass has been started for it.
     */
    boolean finishDraining() {
        draining.set(false);
        return (runRequested.get() != null || checkRequested.get()) && draining.compareAndSet(false, true);
    }

    private void drain() {
        if (draining.compareAndSet(false, true)) {
            try {
                worker.drain(this);
            } catch (TaskRejectedException e) {
                draining.set(false);
                log.warn("Clustering request not scheduled, the executor is shutting down: {}", e.getMessage());
            }
        }
    }

    /** @param runReason why to run now, or null for a count check */
    record Request(String runReason) {}
}
