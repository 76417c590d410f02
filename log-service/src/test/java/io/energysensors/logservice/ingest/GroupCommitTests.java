package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import javax.sql.DataSource;

import io.energysensors.format.event.SensorEvent;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.StoredEvents;
import io.energysensors.logservice.events.StoredEventCount;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.unit.DataSize;

/**
 * {@link GroupCommit} over a real H2 file database with the service's migrations. A gate in
 * front of the DataSource holds the first commit open, so that the requests arriving meanwhile
 * queue up and the groups they form are known; {@link EventsStored} tells each commit's size.
 */
class GroupCommitTests {

    private static final Duration LONG_WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private GatedDataSource dataSource;
    /** Held open so H2 keeps the database open between the test's unpooled connections. */
    private Connection keepOpen;

    private JdbcTemplate jdbc;
    private final List<Integer> commits = new CopyOnWriteArrayList<>();
    private final ExecutorService requests = Executors.newCachedThreadPool();
    private final List<SensorEvent> sample =
            Samples.lines().stream().map(StoredEvents::expected).toList();

    @BeforeEach
    void migrate() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dataDir.resolve("events") + ";WRITE_DELAY=0");
        h2.setUser("sa");
        keepOpen = h2.getConnection();
        Flyway.configure().dataSource(h2).load().migrate();
        dataSource = new GatedDataSource(h2);
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void stop() throws InterruptedException, SQLException {
        dataSource.open();
        requests.shutdownNow();
        assertThat(requests.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        keepOpen.close();
    }

    @Test
    void loneBatchIsCommittedOnItsOwn() {
        GroupCommit commit = groupCommit(new CommitProperties(10, LONG_WAIT, 20_000, DataSize.ofMegabytes(16)));

        assertThat(commit.commitBatch(events(0, 7), null).events()).isEqualTo(7);

        assertThat(commits).containsExactly(7);
        assertThat(storedDummies()).containsExactlyInAnyOrderElementsOf(dummies(0, 7));
    }

    @Test
    void batchesWaitingForACommitAreStoredTogetherByTheNext() {
        GroupCommit commit = groupCommit(new CommitProperties(10, LONG_WAIT, 20_000, DataSize.ofMegabytes(16)));
        CompletableFuture<Integer> first = holdFirstCommit(commit, events(0, 1));

        CompletableFuture<Integer> second = submit(commit, events(1, 3));
        CompletableFuture<Integer> third = submit(commit, events(4, 5));
        await().atMost(LONG_WAIT).until(() -> queued(commit) == 2);
        dataSource.open();

        assertThat(first.join()).isEqualTo(1);
        assertThat(second.join()).isEqualTo(3);
        assertThat(third.join()).isEqualTo(5);
        // 1 alone, then 3 + 5 in one transaction.
        assertThat(commits).containsExactly(1, 8);
        assertThat(storedDummies()).containsExactlyInAnyOrderElementsOf(dummies(0, 9));
    }

    @Test
    void batchesHandedOverTogetherShareOneCommitAndKeepTheirOwnAnswers() {
        GroupCommit commit = groupCommit(new CommitProperties(10, LONG_WAIT, 20_000, DataSize.ofMegabytes(16)));
        DeliveryKey key = DeliveryKey.chosen("test", "record-1", new byte[] {1});

        List<Stored> answers = commit
                .commitBatches(List.of(
                        new GroupCommit.Batch(events(0, 2), key),
                        new GroupCommit.Batch(events(2, 3), null),
                        new GroupCommit.Batch(events(5, 2), key)))
                .stream()
                .map(GroupCommit::outcome)
                .toList();

        // The third repeats the first's key: answered as the first, nothing stored.
        assertThat(answers).containsExactly(new Stored(2, false), new Stored(3, false), new Stored(2, true));
        assertThat(commits).containsExactly(5);
        assertThat(storedDummies()).containsExactlyInAnyOrderElementsOf(dummies(0, 5));
    }

    @Test
    void commitStopsTakingBatchesAtMaxEventsButNeverSplitsOne() {
        GroupCommit commit = groupCommit(new CommitProperties(10, LONG_WAIT, 5, DataSize.ofMegabytes(16)));
        CompletableFuture<Integer> first = holdFirstCommit(commit, events(0, 1));

        List<CompletableFuture<Integer>> queued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            queued.add(submit(commit, events(1 + 3 * i, 3)));
            int expected = i + 1;
            await().atMost(LONG_WAIT).until(() -> queued(commit) == expected);
        }
        dataSource.open();

        first.join();
        queued.forEach(CompletableFuture::join);
        // 3 + 3 reaches 5, so the third batch of 3 waits for the next commit.
        assertThat(commits).containsExactly(1, 6, 3);
        assertThat(storedDummies()).containsExactlyInAnyOrderElementsOf(dummies(0, 10));
    }

    @Test
    void commitStopsTakingBatchesAtMaxBytesButNeverSplitsOne() {
        List<List<SensorEvent>> batches = List.of(events(1, 3), events(4, 3), events(7, 3));
        long firstBatchBytes =
                batches.get(0).stream().mapToLong(GroupCommit::bytesOf).sum();
        GroupCommit commit =
                groupCommit(new CommitProperties(10, LONG_WAIT, 20_000, DataSize.ofBytes(firstBatchBytes + 1)));
        CompletableFuture<Integer> first = holdFirstCommit(commit, events(0, 1));

        List<CompletableFuture<Integer>> queued = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            queued.add(submit(commit, batches.get(i)));
            int expected = i + 1;
            await().atMost(LONG_WAIT).until(() -> queued(commit) == expected);
        }
        dataSource.open();

        first.join();
        queued.forEach(CompletableFuture::join);
        // The first batch of 3 stays a byte below the bound, the second crosses it: the third waits.
        assertThat(commits).containsExactly(1, 6, 3);
        assertThat(storedDummies()).containsExactlyInAnyOrderElementsOf(dummies(0, 10));
    }

    @Test
    void failingCommitFailsExactlyTheRequestsInIt() {
        GroupCommit commit = groupCommit(new CommitProperties(10, LONG_WAIT, 20_000, DataSize.ofMegabytes(16)));
        CompletableFuture<Integer> first = holdFirstCommit(commit, events(0, 1));
        CompletableFuture<Integer> second = submit(commit, events(1, 2));
        CompletableFuture<Integer> third = submit(commit, events(3, 4));
        await().atMost(LONG_WAIT).until(() -> queued(commit) == 2);

        dataSource.failAfterTheHeldConnection();
        dataSource.open();

        assertThat(first.join()).isEqualTo(1);
        assertThatThrownBy(second::join).hasCauseInstanceOf(CannotCreateTransactionException.class);
        assertThatThrownBy(third::join).hasCauseInstanceOf(CannotCreateTransactionException.class);
        dataSource.recover();
        assertThat(commit.commitBatch(events(7, 2), null).events()).isEqualTo(2);
        assertThat(commits).containsExactly(1, 2);
        assertThat(storedDummies()).containsExactlyInAnyOrder(0, 7, 8);
        assertThat(new StoredEventCount(jdbc).read()).isEqualTo(3);
    }

    @Test
    void refusesABatchWhenMaxWaitingRequestsAreQueued() {
        GroupCommit commit = groupCommit(new CommitProperties(1, LONG_WAIT, 20_000, DataSize.ofMegabytes(16)));
        CompletableFuture<Integer> first = holdFirstCommit(commit, events(0, 1));
        CompletableFuture<Integer> second = submit(commit, events(1, 1));
        await().atMost(LONG_WAIT).until(() -> queued(commit) == 1);

        assertThatThrownBy(() -> commit.commitBatch(events(2, 1), null))
                .isInstanceOf(TransientDataAccessResourceException.class)
                .hasMessageContaining("1 requests are already waiting");
        dataSource.open();

        first.join();
        second.join();
        assertThat(storedDummies()).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void requestThatWaitsLongerThanMaxWaitGivesUpAndStoresNothing() {
        GroupCommit commit =
                groupCommit(new CommitProperties(10, Duration.ofMillis(200), 20_000, DataSize.ofMegabytes(16)));
        CompletableFuture<Integer> first = holdFirstCommit(commit, events(0, 1));

        CompletableFuture<Integer> second = submit(commit, events(1, 4));
        assertThatThrownBy(second::join)
                .hasCauseInstanceOf(TransientDataAccessResourceException.class)
                .hasMessageContaining("waited PT0.2S");
        dataSource.open();

        assertThat(first.join()).isEqualTo(1);
        assertThat(queued(commit)).isZero();
        assertThat(storedDummies()).containsExactly(0);
    }

    @Test
    void concurrentRequestsLoseAndDuplicateNothingAndTakeIdsFromTheSequence() {
        GroupCommit commit = groupCommit(new CommitProperties(1000, LONG_WAIT, 20_000, DataSize.ofMegabytes(16)));
        List<CompletableFuture<Integer>> stored = new ArrayList<>();
        // 200 requests of 1 to 5 events from 16 threads: 600 events, each Dummy once.
        ExecutorService posters = Executors.newFixedThreadPool(16);
        try {
            int next = 0;
            for (int request = 0; request < 200; request++) {
                int first = next;
                int count = 1 + request % 5;
                next += count;
                stored.add(CompletableFuture.supplyAsync(
                        () -> commit.commitBatch(events(first, count), null).events(), posters));
            }
            assertThat(stored.stream().mapToInt(CompletableFuture::join).sum()).isEqualTo(600);
        } finally {
            posters.shutdownNow();
        }

        assertThat(storedDummies()).containsExactlyInAnyOrderElementsOf(dummies(0, 600));
        assertThat(commits.stream().mapToInt(Integer::intValue).sum()).isEqualTo(600);
        assertThat(new StoredEventCount(jdbc).read()).isEqualTo(600);
        // A fresh sequence's first block of 1000 holds them all.
        assertThat(jdbc.queryForList("SELECT id FROM sensor_event", Long.class))
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, 600).boxed().toList());
    }

    @Test
    void repeatOfACommittedBatchStoresNothingAndGetsTheFirstAnswer() {
        GroupCommit commit = groupCommit(new CommitProperties(10, LONG_WAIT, 20_000, DataSize.ofMegabytes(16)));

        assertThat(commit.commitBatch(events(0, 3), key("http", "a", 0, 3))).isEqualTo(new Stored(3, false));
        assertThat(commit.commitBatch(events(0, 3), key("http", "a", 0, 3))).isEqualTo(new Stored(3, true));

        assertThat(commits).containsExactly(3);
        assertThat(storedDummies()).containsExactlyInAnyOrderElementsOf(dummies(0, 3));
        assertThat(new StoredEventCount(jdbc).read()).isEqualTo(3);
    }

    @Test
    void repeatInTheSameGroupStoresNothingAndGetsTheFirstAnswer() {
        GroupCommit commit = groupCommit(new CommitProperties(10, LONG_WAIT, 20_000, DataSize.ofMegabytes(16)));
        CompletableFuture<Integer> first = holdFirstCommit(commit, events(0, 1));

        CompletableFuture<Stored> original = submit(commit, events(1, 3), key("mqtt", "b", 1, 3));
        await().atMost(LONG_WAIT).until(() -> queued(commit) == 1);
        CompletableFuture<Stored> repeat = submit(commit, events(1, 3), key("mqtt", "b", 1, 3));
        await().atMost(LONG_WAIT).until(() -> queued(commit) == 2);
        dataSource.open();

        assertThat(first.join()).isEqualTo(1);
        assertThat(original.join()).isEqualTo(new Stored(3, false));
        assertThat(repeat.join()).isEqualTo(new Stored(3, true));
        assertThat(commits).containsExactly(1, 3);
        assertThat(storedDummies()).containsExactlyInAnyOrderElementsOf(dummies(0, 4));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_key", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void keyFirstUsedWithOtherEventsIsRefusedAndStoresNothing() {
        GroupCommit commit = groupCommit(new CommitProperties(10, LONG_WAIT, 20_000, DataSize.ofMegabytes(16)));
        commit.commitBatch(events(0, 2), key("http", "c", 0, 2));

        assertThatThrownBy(() -> commit.commitBatch(events(2, 2), key("http", "c", 2, 2)))
                .isInstanceOf(KeyReusedException.class)
                .hasMessageContaining("first used with another content");

        assertThat(storedDummies()).containsExactlyInAnyOrderElementsOf(dummies(0, 2));
    }

    @Test
    void sameKeyThroughAnotherDoorIsNoRepeat() {
        GroupCommit commit = groupCommit(new CommitProperties(10, LONG_WAIT, 20_000, DataSize.ofMegabytes(16)));

        commit.commitBatch(events(0, 2), key("http", "d", 0, 2));
        assertThat(commit.commitBatch(events(0, 2), key("kafka", "d", 0, 2))).isEqualTo(new Stored(2, false));

        assertThat(storedDummies()).containsExactlyInAnyOrder(0, 0, 1, 1);
    }

    @Test
    void keyOfAFailedCommitIsNotRecorded() {
        GroupCommit commit = groupCommit(new CommitProperties(10, LONG_WAIT, 20_000, DataSize.ofMegabytes(16)));
        CompletableFuture<Integer> first = holdFirstCommit(commit, events(0, 1));
        CompletableFuture<Stored> failed = submit(commit, events(1, 2), key("http", "e", 1, 2));
        await().atMost(LONG_WAIT).until(() -> queued(commit) == 1);

        dataSource.failAfterTheHeldConnection();
        dataSource.open();

        first.join();
        assertThatThrownBy(failed::join).hasCauseInstanceOf(CannotCreateTransactionException.class);
        dataSource.recover();
        assertThat(commit.commitBatch(events(1, 2), key("http", "e", 1, 2))).isEqualTo(new Stored(2, false));
        assertThat(storedDummies()).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void expiredKeysAreDeletedAndTheirBatchesStoredAgain() {
        GroupCommit commit = groupCommit(new CommitProperties(10, LONG_WAIT, 20_000, DataSize.ofMegabytes(16)));
        ExpiredKeyCleanup cleanup = new ExpiredKeyCleanup(
                new DeliveryKeys(jdbc), new DedupProperties(Duration.ofMillis(1), Duration.ofMinutes(1)));
        commit.commitBatch(events(0, 1), key("http", "f", 0, 1));

        await().atMost(LONG_WAIT).until(() -> cleanup.deleteExpired() == 1);

        assertThat(commit.commitBatch(events(0, 1), key("http", "f", 0, 1))).isEqualTo(new Stored(1, false));
        assertThat(storedDummies()).containsExactly(0, 0);
    }

    private GroupCommit groupCommit(CommitProperties properties) {
        EventAppender appender = new EventAppender(
                new JdbcBatchEventWriter(jdbc),
                eventIds(),
                new StoredEventCount(jdbc),
                event -> commits.add(((EventsStored) event).count()));
        return new GroupCommit(appender, new DeliveryKeys(jdbc), dataSource, properties, new SimpleMeterRegistry());
    }

    private EventIdAllocator eventIds() {
        try {
            return new EventIdAllocator(dataSource);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a lone request whose commit then waits at the gate until {@link GatedDataSource#open}. */
    private CompletableFuture<Integer> holdFirstCommit(GroupCommit commit, List<SensorEvent> events) {
        dataSource.close();
        CompletableFuture<Integer> first = submit(commit, events);
        await().atMost(LONG_WAIT).until(() -> dataSource.waitingThreads() == 1);
        return first;
    }

    private CompletableFuture<Integer> submit(GroupCommit commit, List<SensorEvent> events) {
        return CompletableFuture.supplyAsync(
                () -> commit.commitBatch(events, null).events(), requests);
    }

    private CompletableFuture<Stored> submit(GroupCommit commit, List<SensorEvent> events, DeliveryKey key) {
        return CompletableFuture.supplyAsync(() -> commit.commitBatch(events, key), requests);
    }

    /** The client's key {@code name} on the events {@link #events} makes: the same arguments, the same key. */
    private static DeliveryKey key(String door, String name, int first, int count) {
        return DeliveryKey.chosen(door, name, (first + "+" + count).getBytes(StandardCharsets.UTF_8));
    }

    private static int queued(GroupCommit commit) {
        return commit.waitingBatches();
    }

    /** Sample events with Dummy set to {@code first .. first + count - 1}, so each is recognisable. */
    private List<SensorEvent> events(int first, int count) {
        List<SensorEvent> events = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            SensorEvent event = sample.get(i % sample.size());
            events.add(new SensorEvent(
                    event.deviceId(),
                    event.firmware(),
                    event.eventCode(),
                    event.measuredAt(),
                    event.coilReversed(),
                    event.activePowerW(),
                    event.reactivePowerVar(),
                    event.apparentPowerVa(),
                    event.lineCurrentA(),
                    event.lineVoltageV(),
                    event.linePhaseRad(),
                    event.frequencyHz(),
                    event.peaks(),
                    event.fftRe(),
                    event.fftImg(),
                    event.wifiStrengthDbm(),
                    i));
        }
        return events;
    }

    private static List<Integer> dummies(int first, int count) {
        List<Integer> dummies = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            dummies.add(i);
        }
        return dummies;
    }

    private List<Integer> storedDummies() {
        return jdbc.queryForList("SELECT CAST(dummy AS INT) FROM sensor_event", Integer.class);
    }

    /**
     * The real database behind a gate: while closed, getConnection waits; after
     * {@link #failAfterTheHeldConnection}, every connection but the one waiting is refused, as
     * when the database has gone away.
     */
    private static final class GatedDataSource extends DelegatingDataSource {

        private volatile CountDownLatch gate = new CountDownLatch(0);
        private final AtomicBoolean failing = new AtomicBoolean();
        private volatile Thread held;
        private final AtomicInteger waiting = new AtomicInteger();

        GatedDataSource(DataSource target) {
            super(target);
        }

        void close() {
            gate = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        void failAfterTheHeldConnection() {
            failing.set(true);
        }

        void recover() {
            failing.set(false);
        }

        int waitingThreads() {
            return waiting.get();
        }

        @Override
        public Connection getConnection() throws SQLException {
            CountDownLatch current = gate;
            if (current.getCount() > 0) {
                waiting.incrementAndGet();
                held = Thread.currentThread();
                try {
                    current.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted at the gate", e);
                } finally {
                    waiting.decrementAndGet();
                }
            } else if (failing.get() && held != Thread.currentThread()) {
                throw new SQLException("the database is down", "08001");
            }
            return super.getConnection();
        }
    }
}
