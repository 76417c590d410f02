package io.energysensors.logservice.clusters;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.energysensors.clustering.BandwidthEstimator;
import io.energysensors.clustering.ClusteringException;
import io.energysensors.clustering.MeanShift;
import io.energysensors.clustering.MeanShiftResult;
import io.energysensors.logservice.events.ClusterLabels;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One clustering run: take the lock, read the features, cluster them as the original did
 * (bandwidth by quantile 0.2 over 200 sampled events, seed 0; Mean Shift with bin seeding), and
 * replace the stored result, all in one transaction. A run that fails leaves the previous
 * result and is recorded with its reason; it never throws, so nothing upstream is affected.
 */
@Service
public class ClusteringRuns {

    /** Events per chunk when the scope assigns every event to a center found on fewer. */
    static final int ASSIGN_CHUNK = 50_000;

    private static final Logger log = LoggerFactory.getLogger(ClusteringRuns.class);
    private static final int MAX_REASON = 2000;
    private static final int MAX_TRIGGER = 200;

    private final FeatureReader reader;
    private final ResultWriter writer;
    private final Memberships memberships;
    private final ClusteringLock lock;
    private final ClusteringProperties properties;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final AtomicLong lastEventsCovered = new AtomicLong();
    private final AtomicLong lastClusterCount = new AtomicLong();
    private final MeanShift meanShift = new MeanShift();
    private final BandwidthEstimator bandwidth = BandwidthEstimator.reference();

    ClusteringRuns(
            FeatureReader reader,
            ResultWriter writer,
            Memberships memberships,
            ClusteringLock lock,
            ClusteringProperties properties,
            PlatformTransactionManager transactions,
            MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder("energy_sensors.clustering.last.events.covered", lastEventsCovered, AtomicLong::get)
                .description("Events the latest successful run labelled")
                .register(meters);
        Gauge.builder("energy_sensors.clustering.last.clusters", lastClusterCount, AtomicLong::get)
                .description("Clusters the latest successful run found")
                .register(meters);
        this.reader = reader;
        this.writer = writer;
        this.memberships = memberships;
        this.lock = lock;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Runs now on the calling thread; the background trigger calls it on the clustering thread.
     *
     * @param trigger why the run happens, stored with it
     * @return the run as recorded
     */
    public RunRecord run(String trigger) {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        String why = clip(trigger, MAX_TRIGGER);
        RunRecord recorded;
        Phases phases = new Phases(start);
        try {
            recorded = transaction.execute(status -> runLocked(why, startedAt, start, phases));
            phases.commit = phases.lap();
        } catch (RuntimeException e) {
            recorded = recordFailure(why, startedAt, start, e);
        }
        Timer.builder("energy_sensors.clustering.runs")
                .tag("status", recorded.status().name())
                .description("Clustering runs by outcome, with their duration")
                .register(meters)
                .record(recorded.durationMs(), TimeUnit.MILLISECONDS);
        if (recorded.status() == RunStatus.SUCCEEDED) {
            lastEventsCovered.set(recorded.eventsCovered());
            lastClusterCount.set(recorded.clusterCount());
            log.info(
                    "Clustering run {} ({}): {} clusters over {} events, {} skipped, bandwidth {}, {} ms "
                            + "(read {} ms, cluster {} ms, label and store {} ms, commit {} ms; {} ms CPU on the run's thread)",
                    recorded.id(),
                    why,
                    recorded.clusterCount(),
                    recorded.eventsCovered(),
                    recorded.eventsSkipped(),
                    recorded.bandwidth(),
                    recorded.durationMs(),
                    phases.read,
                    phases.cluster,
                    phases.store,
                    phases.commit,
                    phases.cpuMs());
        } else {
            log.warn(
                    "Clustering run {} ({}) {}: {}; the previous result stays",
                    recorded.id(),
                    why,
                    recorded.status().name().toLowerCase(Locale.ROOT),
                    recorded.reason());
        }
        return recorded;
    }

    private RunRecord runLocked(String trigger, Instant startedAt, long start, Phases phases) {
        Scope scope = properties.scope();
        if (!lock.tryAcquire()) {
            RunRecord skipped = new RunRecord(
                    0,
                    startedAt,
                    Instant.now(),
                    elapsedMs(start),
                    RunStatus.SKIPPED,
                    trigger,
                    "another instance is clustering",
                    scope,
                    null,
                    null,
                    null,
                    null,
                    null);
            return withId(skipped, writer.insertRun(skipped));
        }
        long runId = writer.insertRun(new RunRecord(
                0, startedAt, startedAt, 0, RunStatus.RUNNING, trigger, null, scope, null, null, null, null, null));
        FeatureReader.Skipped skipped = new FeatureReader.Skipped();
        Features chosen = switch (scope) {
            case ALL -> reader.all(skipped);
            case RECENT -> reader.recent(properties.maxEvents(), skipped);
            case SAMPLE -> reader.sample(properties.maxEvents(), properties.sampleSeed(), skipped);
        };
        phases.read = phases.lap();
        MeanShiftResult result;
        try {
            result = meanShift.cluster(chosen.points(), bandwidth);
            phases.cluster = phases.lap();
        } catch (ClusteringException e) {
            RunRecord failed = new RunRecord(
                    runId,
                    startedAt,
                    Instant.now(),
                    elapsedMs(start),
                    RunStatus.FAILED,
                    trigger,
                    clip(e.getMessage(), MAX_REASON),
                    scope,
                    (long) chosen.size(),
                    null,
                    skipped.count(),
                    null,
                    null);
            writer.updateRun(failed);
            return failed;
        }
        writer.clearResult();
        ClusterStatistics statistics = new ClusterStatistics(result.clusterCount());
        LabelledEvents labelled = new LabelledEvents(chosen.size());
        long skippedCount;
        if (scope == Scope.ALL) {
            record(chosen, result.labels(), statistics, labelled);
            skippedCount = skipped.count();
        } else {
            FeatureReader.Skipped unplaced = new FeatureReader.Skipped();
            reader.chunks(
                    ASSIGN_CHUNK,
                    unplaced,
                    chunk -> record(chunk, result.assignAll(chunk.points()), statistics, labelled));
            skippedCount = unplaced.count();
        }
        long covered = labelled.size();
        long[] ids = labelled.ids();
        int[] labels = labelled.labels();
        writer.insertMembers(runId, ids, labels);
        memberships.publishOnCommit(new ClusterLabels(runId, ids, labels));
        writer.insertClusters(runId, statistics.rows(result));
        RunRecord succeeded = new RunRecord(
                runId,
                startedAt,
                Instant.now(),
                elapsedMs(start),
                RunStatus.SUCCEEDED,
                trigger,
                null,
                scope,
                (long) chosen.size(),
                covered,
                skippedCount,
                result.bandwidth(),
                result.clusterCount());
        writer.updateRun(succeeded);
        writer.makeCurrent(runId);
        phases.store = phases.lap();
        return succeeded;
    }

    private static void record(Features events, int[] labels, ClusterStatistics statistics, LabelledEvents labelled) {
        double[] coordinates = events.coordinates();
        for (int i = 0; i < events.size(); i++) {
            statistics.add(labels[i], coordinates, i * Features.DIMENSION);
        }
        labelled.add(events, labels);
    }

    /** The run's transaction rolled back: record the failure in a new one, if the database lets us. */
    private RunRecord recordFailure(String trigger, Instant startedAt, long start, RuntimeException e) {
        String reason = clip(e.getClass().getSimpleName() + ": " + e.getMessage(), MAX_REASON);
        RunRecord failed = new RunRecord(
                0,
                startedAt,
                Instant.now(),
                elapsedMs(start),
                RunStatus.FAILED,
                trigger,
                reason,
                properties.scope(),
                null,
                null,
                null,
                null,
                null);
        try {
            return withId(failed, transaction.execute(status -> writer.insertRun(failed)));
        } catch (RuntimeException unrecorded) {
            e.addSuppressed(unrecorded);
            return failed;
        }
    }

    private static RunRecord withId(RunRecord run, long id) {
        return new RunRecord(
                id,
                run.startedAt(),
                run.finishedAt(),
                run.durationMs(),
                run.status(),
                run.trigger(),
                run.reason(),
                run.scope(),
                run.eventsClustered(),
                run.eventsCovered(),
                run.eventsSkipped(),
                run.bandwidth(),
                run.clusterCount());
    }

    /**
     * Where a run's time went, in milliseconds, for its log line; and the CPU time of the run's
     * thread, which on a machine shared with other work says more than the elapsed time (the
     * parallel part of Mean Shift runs on the common pool and is not in it).
     */
    private static final class Phases {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        private final long cpuStart = THREADS.getCurrentThreadCpuTime();
        private long lastLap;
        private long read;
        private long cluster;
        private long store;
        private long commit;

        Phases(long start) {
            this.lastLap = start;
        }

        /** -1 where the JVM does not measure thread CPU time. */
        long cpuMs() {
            return cpuStart < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(THREADS.getCurrentThreadCpuTime() - cpuStart);
        }

        long lap() {
            long now = System.nanoTime();
            long lapMs = TimeUnit.NANOSECONDS.toMillis(now - lastLap);
            lastLap = now;
            return lapMs;
        }
    }

    private static long elapsedMs(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static String clip(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
