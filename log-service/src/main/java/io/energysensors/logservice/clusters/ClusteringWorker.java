package io.energysensors.logservice.clusters;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/** Serves {@link ClusteringTrigger}'s requests on the clustering thread until none is left. */
@Component
class ClusteringWorker {

    private final ClusteringRuns runs;
    private final RunTrigger counter;

    ClusteringWorker(ClusteringRuns runs, RunTrigger counter) {
        this.runs = runs;
        this.counter = counter;
    }

    @Async(ClusteringExecutorConfiguration.EXECUTOR)
    public void drain(ClusteringTrigger trigger) {
        do {
            ClusteringTrigger.Request request;
            while ((request = trigger.take()) != null) {
                serve(request);
            }
        } while (trigger.finishDraining());
    }

    private void serve(ClusteringTrigger.Request request) {
        if (request.runReason() != null) {
            runs.run(request.runReason());
        } else {
            counter.runIfDue();
        }
    }
}
