package io.energysensors.logservice.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

import io.energysensors.format.event.SensorEvent;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: the batches of concurrent requests are stored by one transaction, so the cost of
 * a commit (H2 writing its file, PostgreSQL flushing its log) is shared by all of them.
 *
 * <p>Each request queues its batch and then competes for the writer lock. Whoever holds it takes
 * every waiting batch, stores them in one transaction and completes each one's future with the
 * outcome; a request whose batch another holder took just waits for that outcome. A lone request
 * thus commits at once on its own thread, and under load one commit serves many requests.
 * Returning from {@link #commitBatch} means committed (so the request may be acknowledged); a batch is
 * never split over two commits; a commit that fails fails exactly the requests whose batches it
 * held. Nothing outlives its request: on shutdown, the web server's graceful stop waits for the
 * requests, and with them for every queued batch.
 *
 * <p>The transaction is plain JDBC on the service's DataSource: JPA has nothing to flush here.
 */
@Component
class GroupCommit {

    /** Numbers every event stores besides its lists: ids, times, readings, the first peaks. */
    private static final int FIXED_NUMBERS = 20;

    /** A batch waiting for its commit, its size as stored, and that commit's outcome. */
    private record Waiting(List<SensorEvent> events, long bytes, CompletableFuture<Void> committed) {}

    private final BlockingQueue<Waiting> waiting;
    private final ReentrantLock writer = new ReentrantLock();
    private final EventAppender appender;
    private final TransactionTemplate transaction;
    private final CommitProperties properties;
    private final DistributionSummary requestsPerCommit;

    GroupCommit(EventAppender appender, DataSource dataSource, CommitProperties properties, MeterRegistry meters) {
        this.appender = appender;
        this.transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        this.properties = properties;
        this.waiting = new LinkedBlockingQueue<>(properties.maxWaiting());
        this.requestsPerCommit = DistributionSummary.builder("energy_sensors.ingest.commit.requests")
                .description("Requests whose batches one commit stored")
                .register(meters);
        Gauge.builder("energy_sensors.ingest.commit.waiting", waiting, BlockingQueue::size)
                .description("Requests waiting for a commit to take their batch")
                .register(meters);
    }

    /**
     * Stores the batch in a commit shared with whatever other batches are waiting, and returns
     * once that commit succeeded.
     *
     * @throws TransientDataAccessResourceException too many requests wait already, or this one
     *         waited longer than {@code max-wait} for its commit to start: nothing was stored
     * @throws RuntimeException whatever made the commit fail: nothing of the batch was stored
     */
    int commitBatch(List<SensorEvent> events) {
        long bytes = 0;
        for (SensorEvent event : events) {
            bytes += bytesOf(event);
        }
        Waiting batch = new Waiting(events, bytes, new CompletableFuture<>());
        if (!waiting.offer(batch)) {
            throw new TransientDataAccessResourceException(
                    properties.maxWaiting() + " requests are already waiting for the event store");
        }
        long deadline = System.nanoTime() + properties.maxWait().toNanos();
        while (!batch.committed().isDone()) {
            if (lockWriter(deadline)) {
                try {
                    if (!batch.committed().isDone()) {
                        commitWaiting();
                    }
                } finally {
                    writer.unlock();
                }
            } else if (waiting.remove(batch)) {
                throw new TransientDataAccessResourceException(
                        "waited " + properties.maxWait() + " for the event store without getting to it");
            } else {
                break;
            }
        }
        return outcome(batch);
    }

    private boolean lockWriter(long deadline) {
        try {
            return writer.tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Holding the writer lock: every batch not done is still in the queue, so this takes it. */
    private void commitWaiting() {
        List<Waiting> group = new ArrayList<>();
        List<SensorEvent> events = new ArrayList<>();
        long bytes = 0;
        Waiting next;
        while (events.size() < properties.maxEvents()
                && bytes < properties.maxBytes().toBytes()
                && (next = waiting.poll()) != null) {
            group.add(next);
            events.addAll(next.events());
            bytes += next.bytes();
        }
        try {
            transaction.executeWithoutResult(status -> appender.append(events));
        } catch (RuntimeException | Error e) {
            group.forEach(batch -> batch.committed().completeExceptionally(e));
            return;
        }
        requestsPerCommit.record(group.size());
        group.forEach(batch -> batch.committed().complete(null));
    }

    /** An event's size as stored: 8 bytes a number, its lists' included; a long, whatever they hold. */
    static long bytesOf(SensorEvent event) {
        return ((long) FIXED_NUMBERS + event.peaks().length + event.fftRe().length + event.fftImg().length)
                * Long.BYTES;
    }

    /** Requests whose batch no commit has taken yet. */
    int waitingBatches() {
        return waiting.size();
    }

    /** Waits, if another request's commit holds the batch, without giving up: it is being stored. */
    private static int outcome(Waiting batch) {
        try {
            batch.committed().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
        return batch.events().size();
    }
}
