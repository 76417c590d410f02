package io.energysensors.logservice.clusters;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

import io.energysensors.clustering.BandwidthEstimator;
import io.energysensors.clustering.ClusteringException;
import io.energysensors.clustering.MeanShift;
import io.energysensors.clustering.MeanShiftResult;
import io.energysensors.logservice.events.ClusterLabels;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * What one clustering run does: read the features, cluster them as the original did (bandwidth
 * by quantile 0.2 over 200 sampled events, seed 0; Mean Shift with bin seeding), label the
 * events and replace the stored result. {@link ClusteringScheduler} decides when, and calls it in
 * the transaction that holds the clustering lock, so the result is replaced whole or not at all,
 * and runs beyond {@code keep-runs} are deleted in that same transaction.
 */
@Component
class ClusteringRun {

    /** Events per chunk when the scope assigns every event to a center found on fewer. */
    static final int ASSIGN_CHUNK = 50_000;

    private final FeatureReader reader;
    private final ResultWriter writer;
    private final LabelCache labels;
    private final ClusteringProperties properties;
    private final NewEventsAssigner assigner;
    private final ForkJoinPool compute;
    private final MeanShift meanShift = new MeanShift();
    private final BandwidthEstimator bandwidth = BandwidthEstimator.reference();

    ClusteringRun(
            FeatureReader reader,
            ResultWriter writer,
            LabelCache labels,
            ClusteringProperties properties,
            NewEventsAssigner assigner,
            @Qualifier(ClusteringExecutorConfiguration.COMPUTE) ForkJoinPool compute) {
        this.reader = reader;
        this.writer = writer;
        this.labels = labels;
        this.properties = properties;
        this.assigner = assigner;
        this.compute = compute;
    }

    /**
     * Must be called inside a transaction holding {@link ClusteringLock}. Features that Mean Shift
     * refuses (a bandwidth of 0, say) make a failed run, recorded with its reason, and the previous
     * result stays; any other failure throws and rolls the whole run back.
     *
     * @return the run as recorded: succeeded or failed
     */
    RunRecord replaceResult(RunRecord.Builder run, RunTimer timer) {
        Scope scope = run.scope();
        long runId = writer.insertRun(run.running());
        run.id(runId);
        FeatureReader.Skipped skipped = new FeatureReader.Skipped();
        Features chosen = switch (scope) {
            case ALL -> reader.all(skipped);
            case RECENT -> reader.recent(properties.maxEvents(), skipped);
            case SAMPLE -> reader.sample(properties.maxEvents(), properties.sampleSeed(), skipped);
        };
        run.read(chosen.size(), skipped.count());
        timer.read = timer.lap();

        MeanShiftResult result;
        try {
            result = onComputeThread(() -> meanShift.cluster(chosen.points(), bandwidth), timer);
        } catch (ClusteringException e) {
            RunRecord failed = run.failed(e.getMessage());
            writer.updateRun(failed);
            writer.deleteRunsBeyond(properties.keepRuns());
            return failed;
        }
        timer.cluster = timer.lap();

        writer.clearResult();
        ClusterStatistics statistics = new ClusterStatistics(result.clusterCount());
        LabelBuffer labelled = new LabelBuffer(chosen.size());
        FeatureReader.Skipped unplaced;
        if (scope == Scope.ALL) {
            add(chosen, result.labels(), statistics, labelled);
            unplaced = skipped;
        } else {
            unplaced = new FeatureReader.Skipped();
            reader.chunks(
                    ASSIGN_CHUNK,
                    unplaced,
                    chunk -> add(
                            chunk,
                            onComputeThread(() -> result.assignAll(chunk.points()), timer),
                            statistics,
                            labelled));
        }
        long[] ids = labelled.ids();
        int[] eventLabels = labelled.labels();
        writer.insertLabels(runId, ids, eventLabels);
        labels.publishOnCommit(new ClusterLabels(runId, ids, eventLabels));
        writer.insertClusters(runId, statistics.rows(result));
        RunRecord succeeded = run.succeeded(ids.length, unplaced.count(), result.bandwidth(), result.clusterCount());
        writer.updateRun(succeeded);
        writer.makeCurrent(runId);
        writer.deleteRunsBeyond(properties.keepRuns());
        timer.store = timer.lap();
        long lastEventId = Math.max(ids.length == 0 ? 0 : ids[ids.length - 1], unplaced.highestId());
        assigner.fullRunStoring(runId, result, statistics, lastEventId, chosen.size(), ids.length, unplaced.count());
        return succeeded;
    }

    /**
     * Runs {@code work} on the compute thread ({@link ClusteringExecutorConfiguration#COMPUTE}) and
     * waits for it. Through a CompletableFuture, which hands over what the work threw as it is (a
     * ForkJoinTask would rethrow a copy made by reflection, with another message).
     */
    private <T> T onComputeThread(Supplier<T> work, RunTimer timer) {
        CompletableFuture<T> task = CompletableFuture.supplyAsync(() -> timer.compute(work), compute);
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the clustering run was interrupted", e);
        }
    }

    private static void add(Features events, int[] eventLabels, ClusterStatistics statistics, LabelBuffer labelled) {
        double[] coordinates = events.coordinates();
        for (int i = 0; i < events.size(); i++) {
            statistics.add(eventLabels[i], coordinates, i * Features.DIMENSION);
        }
        labelled.add(events, eventLabels);
    }
}
