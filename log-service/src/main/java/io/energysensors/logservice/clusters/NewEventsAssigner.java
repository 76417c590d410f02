package io.energysensors.logservice.clusters;

import io.energysensors.clustering.MeanShiftResult;
import io.energysensors.logservice.events.ClusterLabels;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The shortcut of a count-triggered run when few events are new: instead of clustering its scope
 * anew, it assigns the events stored since the current result to that result's centers, by the
 * rule the {@code recent} and {@code sample} scopes assign the events they did not cluster, and
 * adds them to its labels and statistics. Mean Shift's work grows with the store; this grows with
 * the new events only.
 *
 * <p>A full run still comes once {@code full-run-every} runs in a row were made of one full run and
 * assignments, or once the events stored since the last full run reach {@code assign-below} of the
 * events it covered, so the result never strays far from what Mean Shift over the whole scope
 * gives. Only this instance's own last result can be extended: it holds that result's centers and
 * statistics in memory. After a restart, or when another instance ran last, the next run is full.
 */
@Component
class NewEventsAssigner {

    private final FeatureReader reader;
    private final ResultWriter writer;
    private final LabelCache labels;
    private final JdbcTemplate jdbc;
    private final ClusteringProperties properties;

    /** The result this instance committed last, or null; swapped whole once a run commits. */
    private volatile Basis basis;

    NewEventsAssigner(
            FeatureReader reader,
            ResultWriter writer,
            LabelCache labels,
            JdbcTemplate jdbc,
            ClusteringProperties properties) {
        this.reader = reader;
        this.writer = writer;
        this.labels = labels;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * A full run is storing its result in the calling transaction; assignments may build on it
     * once that commits.
     *
     * @param lastEventId the highest event id the run read, placed or skipped
     */
    void fullRunStoring(
            long runId,
            MeanShiftResult result,
            ClusterStatistics statistics,
            long lastEventId,
            long clustered,
            long covered,
            long skipped) {
        holdOnCommit(
                new Basis(runId, result, statistics, lastEventId, clustered, skipped, covered + skipped, covered, 0));
    }

    /**
     * Inside the run's transaction, the clustering lock held: whether this run may assign.
     *
     * @param stored the events stored when the run was due
     */
    boolean applies(long stored) {
        Basis held = basis;
        if (held == null || held.runsSinceFull() + 1 >= properties.fullRunEvery()) {
            return false;
        }
        if (!(stored - held.seenByFullRun() < properties.assignBelow() * held.coveredByFullRun())) {
            return false;
        }
        Long current = jdbc.queryForObject("SELECT current_run_id FROM clustering_state WHERE id = 1", Long.class);
        return current != null && current == held.runId();
    }

    /**
     * Must be called inside a transaction holding {@link ClusteringLock}, after {@link #applies}
     * said yes: stores the current result extended by the new events as the run's result.
     *
     * @return the run as recorded
     */
    RunRecord assign(RunRecord.Builder run, RunTimer timer) {
        Basis held = basis;
        ClusterLabels previous = labels.current();
        if (previous.runId() != held.runId()) {
            throw new IllegalStateException(
                    "the labels held are run " + previous.runId() + "'s, not those of run " + held.runId());
        }
        long runId = writer.insertRun(run.assignment().running());
        run.id(runId);
        FeatureReader.Skipped skipped = new FeatureReader.Skipped();
        Features added = reader.after(held.lastEventId(), skipped);
        long allSkipped = held.skipped() + skipped.count();
        run.read(held.clustered(), allSkipped);
        timer.read = timer.lap();

        LabelBuffer labelled = new LabelBuffer(added.size());
        ClusterStatistics statistics = held.statistics().copy();
        if (added.size() > 0) {
            int[] addedLabels = held.result().assignAll(added.points());
            double[] coordinates = added.coordinates();
            for (int i = 0; i < added.size(); i++) {
                statistics.add(addedLabels[i], coordinates, i * Features.DIMENSION);
            }
            labelled.add(added, addedLabels);
        }
        timer.cluster = timer.lap();

        long[] ids = labelled.ids();
        ClusterLabels extended = previous.followedBy(runId, ids, labelled.labels());
        writer.insertLabels(runId, writer.carryOverLabels(held.runId(), runId), ids, labelled.labels());
        labels.publishOnCommit(extended);
        writer.clearClusters();
        writer.insertClusters(runId, statistics.rows(held.result()));
        RunRecord succeeded = run.succeeded(
                extended.size(),
                allSkipped,
                held.result().bandwidth(),
                held.result().clusterCount());
        writer.updateRun(succeeded);
        writer.makeCurrent(runId);
        writer.deleteRunsBeyond(properties.keepRuns());
        timer.store = timer.lap();

        long lastEventId = Math.max(held.lastEventId(), skipped.highestId());
        if (ids.length > 0) {
            lastEventId = Math.max(lastEventId, ids[ids.length - 1]);
        }
        holdOnCommit(held.extended(runId, statistics, lastEventId, allSkipped));
        return succeeded;
    }

    private void holdOnCommit(Basis next) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                basis = next;
            }
        });
    }

    /**
     * The current result as this instance computed it: the last full run's centers, and what the
     * runs since (assignments) made of them.
     *
     * @param lastEventId the highest event id read so far: newer ones are new
     * @param clustered the events the full run gave Mean Shift
     * @param skipped the events that could not be placed, by the full run and the assignments since
     * @param seenByFullRun the events the full run read, covered or skipped
     */
    private record Basis(
            long runId,
            MeanShiftResult result,
            ClusterStatistics statistics,
            long lastEventId,
            long clustered,
            long skipped,
            long seenByFullRun,
            long coveredByFullRun,
            int runsSinceFull) {

        Basis extended(long runId, ClusterStatistics statistics, long lastEventId, long skipped) {
            return new Basis(
                    runId,
                    result,
                    statistics,
                    lastEventId,
                    clustered,
                    skipped,
                    seenByFullRun,
                    coveredByFullRun,
                    runsSinceFull + 1);
        }
    }
}
