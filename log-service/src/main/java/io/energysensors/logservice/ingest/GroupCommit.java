package io.energysensors.logservice.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.springframework.dao.DuplicateKeyException;
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
 * <p>A batch with a {@link DeliveryKey} is recorded in the same transaction as its events
 * ({@link DeliveryKeys}); a batch whose key is recorded already, or taken by an earlier batch of
 * the same commit, stores nothing and is answered with the first one's answer. Another copy of
 * the service recording the same key at the same moment makes the commit fail on the key's
 * uniqueness; it is then tried again, and finds the key recorded.
 *
 * <p>The transaction is plain JDBC on the service's DataSource: JPA has nothing to flush here.
 */
@Component
class GroupCommit {

    /** Numbers every event stores besides its lists: ids, times, readings, the first peaks. */
    private static final int FIXED_NUMBERS = 20;

    /** A batch waiting for its commit, its size as stored, and that commit's answer to it. */
    private record Waiting(
            List<SensorEvent> events, DeliveryKey key, long bytes, CompletableFuture<Stored> committed) {}

    /** Tries of a commit that lost a key to another copy of the service; the next try finds it recorded. */
    private static final int TRIES = 3;

    private final BlockingQueue<Waiting> waiting;
    private final ReentrantLock writer = new ReentrantLock();
    private final EventAppender appender;
    private final DeliveryKeys keys;
    private final TransactionTemplate transaction;
    private final CommitProperties properties;
    private final DistributionSummary requestsPerCommit;

    GroupCommit(
            EventAppender appender,
            DeliveryKeys keys,
            DataSource dataSource,
            CommitProperties properties,
            MeterRegistry meters) {
        this.appender = appender;
        this.keys = keys;
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
     * @param key recognises a repeat of a batch stored before, or null
     * @return how many events the batch holds, and whether it was a repeat that stored nothing
     * @throws KeyReusedException the key was first used with other events: nothing was stored
     * @throws ConcurrentDeliveryException another copy kept storing the same key: nothing was stored
     * @throws TransientDataAccessResourceException too many requests wait already, or this one
     *         waited longer than {@code max-wait} for its commit to start: nothing was stored
     * @throws RuntimeException whatever made the commit fail: nothing of the batch was stored
     */
    Stored commitBatch(List<SensorEvent> events, DeliveryKey key) {
        return outcome(commitBatches(List.of(new Batch(events, key))).get(0));
    }

    /** A batch to store, and what recognises a repeat of it (or null). */
    record Batch(List<SensorEvent> events, DeliveryKey key) {}

    /**
     * {@link #commitBatch} for several batches at once (a Kafka poll's records): they queue
     * together, so one commit takes them all where {@code max-events} allows, each still with its
     * own key and answer, in order. Returns once every one of them is done.
     *
     * @return per batch, its answer or what {@link #commitBatch} would have thrown
     */
    List<CompletableFuture<Stored>> commitBatches(List<Batch> batches) {
        List<Waiting> queued = new ArrayList<>(batches.size());
        for (Batch batch : batches) {
            long bytes = 0;
            for (SensorEvent event : batch.events()) {
                bytes += bytesOf(event);
            }
            Waiting waiter = new Waiting(batch.events(), batch.key(), bytes, new CompletableFuture<>());
            if (!waiting.offer(waiter)) {
                waiter.committed()
                        .completeExceptionally(new TransientDataAccessResourceException(
                                properties.maxWaiting() + " requests are already waiting for the event store"));
            }
            queued.add(waiter);
        }
        long deadline = System.nanoTime() + properties.maxWait().toNanos();
        queued.forEach(waiter -> awaitCommit(waiter, deadline));
        return queued.stream().map(Waiting::committed).toList();
    }

    /** Returns once the batch is done, or once another request's commit holds it. */
    private void awaitCommit(Waiting batch, long deadline) {
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
                batch.committed()
                        .completeExceptionally(new TransientDataAccessResourceException(
                                "waited " + properties.maxWait() + " for the event store without getting to it"));
            } else {
                break;
            }
        }
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
        int events = 0;
        long bytes = 0;
        Waiting next;
        while (events < properties.maxEvents()
                && bytes < properties.maxBytes().toBytes()
                && (next = waiting.poll()) != null) {
            group.add(next);
            events += next.events().size();
            bytes += next.bytes();
        }
        List<Object> answers;
        try {
            answers = storeTrying(group);
        } catch (RuntimeException | Error e) {
            group.forEach(batch -> batch.committed().completeExceptionally(e));
            return;
        }
        requestsPerCommit.record(group.size());
        for (int i = 0; i < group.size(); i++) {
            if (answers.get(i) instanceof Stored stored) {
                group.get(i).committed().complete(stored);
            } else {
                group.get(i).committed().completeExceptionally((RuntimeException) answers.get(i));
            }
        }
    }

    private List<Object> storeTrying(List<Waiting> group) {
        for (int tried = 1; ; tried++) {
            try {
                return transaction.execute(status -> store(group));
            } catch (DuplicateKeyException e) {
                if (tried == TRIES) {
                    throw new ConcurrentDeliveryException();
                }
            }
        }
    }

    /**
     * In the commit's transaction: records the new keys, appends the events of every batch that
     * is no repeat.
     *
     * @return per batch, in order, its {@link Stored} answer or the exception to fail it with
     */
    private List<Object> store(List<Waiting> group) {
        Map<String, DeliveryKeys.Recorded> known = keys.find(group.stream()
                .map(Waiting::key)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        List<DeliveryKeys.Recorded> recording = new ArrayList<>();
        List<SensorEvent> events = new ArrayList<>();
        List<Object> answers = new ArrayList<>(group.size());
        for (Waiting batch : group) {
            DeliveryKeys.Recorded first =
                    batch.key() == null ? null : known.get(batch.key().id());
            if (first == null) {
                events.addAll(batch.events());
                answers.add(new Stored(batch.events().size(), false));
                if (batch.key() != null) {
                    DeliveryKeys.Recorded recorded = new DeliveryKeys.Recorded(
                            batch.key(), batch.events().size());
                    known.put(batch.key().id(), recorded);
                    recording.add(recorded);
                }
            } else {
                answers.add(answerOf(first, batch.key()));
            }
        }
        keys.record(recording, Instant.now());
        if (!events.isEmpty()) {
            appender.append(events);
        }
        return answers;
    }

    private static Object answerOf(DeliveryKeys.Recorded first, DeliveryKey repeat) {
        try {
            return first.answerTo(repeat);
        } catch (KeyReusedException e) {
            return e;
        }
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
    static Stored outcome(CompletableFuture<Stored> committed) {
        try {
            return committed.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
