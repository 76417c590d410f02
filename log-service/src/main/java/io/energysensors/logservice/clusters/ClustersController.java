package io.energysensors.logservice.clusters;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.energysensors.format.event.Feature;
import io.energysensors.logservice.events.EventPage;
import io.energysensors.logservice.events.EventsByLabel;
import io.energysensors.web.problem.ApiProblem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The stored clustering result, read without computing anything, and a way to ask for a new one. */
@RestController
@RequestMapping("/clusters")
class ClustersController {

    /** As GET /events allows. */
    static final int MAX_PAGE_SIZE = 1000;

    private final ResultReader results;
    private final EventsByLabel eventsByLabel;
    private final ClusteringScheduler scheduler;

    ClustersController(ResultReader results, EventsByLabel eventsByLabel, ClusteringScheduler scheduler) {
        this.results = results;
        this.eventsByLabel = eventsByLabel;
        this.scheduler = scheduler;
    }

    @GetMapping("/summary")
    ClusterSummary summary() {
        List<ResultReader.StoredCluster> current = results.current();
        ClusterSummary.LastRun lastRun = scheduler
                .unrecordedFailure()
                .or(results::lastRun)
                .map(ClusterSummary.LastRun::of)
                .orElse(null);
        if (current.isEmpty()) {
            return new ClusterSummary(
                    null, null, null, null, null, null, null, null, List.of(), lastRun, scheduler.nextRunDueAt());
        }
        long runId = current.get(0).runId();
        RunRecord run = results.run(runId)
                .orElseThrow(() ->
                        new IllegalStateException("the current clusters name run " + runId + ", which is not stored"));
        List<ClusterSummary.Cluster> clusters =
                current.stream().map(stored -> summaryOf(stored.row())).toList();
        return new ClusterSummary(
                runId,
                run.finishedAt(),
                run.scope().name().toLowerCase(Locale.ROOT),
                run.kind().name().toLowerCase(Locale.ROOT),
                run.eventsClustered(),
                run.eventsCovered(),
                run.eventsSkipped(),
                run.bandwidth(),
                clusters,
                lastRun,
                scheduler.nextRunDueAt());
    }

    @GetMapping("/{label}")
    ClusterDetail cluster(@PathVariable int label) {
        ResultReader.StoredCluster stored = results.cluster(label).orElseThrow(() -> noCluster(label));
        double bandwidth = results.run(stored.runId()).map(RunRecord::bandwidth).orElse(Double.NaN);
        return ClusterDetail.of(stored.row(), stored.runId(), bandwidth);
    }

    @GetMapping("/{label}/events")
    EventPage events(
            @PathVariable int label,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        if (results.cluster(label).isEmpty()) {
            throw noCluster(label);
        }
        return eventsByLabel.page(label, page, size);
    }

    /** Starts a run on the clustering thread; one already asked for and not yet begun absorbs this. */
    @PostMapping("/recompute")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> recompute() {
        scheduler.requestRun("POST /clusters/recompute");
        return Map.of("status", "scheduled");
    }

    private static ClusterSummary.Cluster summaryOf(ClusterRow row) {
        double[] mean = row.mean();
        return new ClusterSummary.Cluster(
                row.label(),
                row.count(),
                mean[Feature.ACTIVE_POWER.ordinal()],
                mean[Feature.REACTIVE_POWER.ordinal()],
                mean[Feature.APPARENT_POWER.ordinal()],
                mean[Feature.LINE_CURRENT.ordinal()],
                mean[Feature.LINE_VOLTAGE.ordinal()],
                row.center());
    }

    private static ApiProblem noCluster(int label) {
        return new ApiProblem(
                HttpStatus.NOT_FOUND, "the current clustering result has no cluster " + label, Map.of("label", label));
    }
}
