package io.energysensors.logservice.clusters;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What became of each run, as metrics (by outcome, with durations) and one log line. */
@Component
class RunReport {

    /** Under the run's name: it is the run's log line. */
    private static final Logger log = LoggerFactory.getLogger(ClusteringRun.class);

    private final MeterRegistry meters;
    private final AtomicLong lastEventsCovered = new AtomicLong();
    private final AtomicLong lastClusterCount = new AtomicLong();
    private final Counter cpu;

    RunReport(MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder("energy_sensors.clustering.last.events.covered", lastEventsCovered, AtomicLong::get)
                .description("Events the latest successful run labelled")
                .register(meters);
        Gauge.builder("energy_sensors.clustering.last.clusters", lastClusterCount, AtomicLong::get)
                .description("Clusters the latest successful run found")
                .register(meters);
        this.cpu = Counter.builder("energy_sensors.clustering.cpu")
                .baseUnit("seconds")
                .description(
                        "CPU time runs used, on the run's thread and the compute thread: over wall time, the share of a core")
                .register(meters);
    }

    void report(RunRecord run, RunTimer timer) {
        long cpuMs = timer.cpuMs();
        if (cpuMs > 0) {
            cpu.increment(cpuMs / 1000.0);
        }
        Timer.builder("energy_sensors.clustering.runs")
                .tag("status", run.status().name())
                .description("Clustering runs by outcome, with their duration")
                .register(meters)
                .record(run.durationMs(), TimeUnit.MILLISECONDS);
        if (run.status() == RunStatus.SUCCEEDED) {
            lastEventsCovered.set(run.eventsCovered());
            lastClusterCount.set(run.clusterCount());
            log.info(
                    "Clustering run {} ({}, {}): {} clusters over {} events, {} skipped, bandwidth {}, {} ms "
                            + "(read {} ms, cluster {} ms, label and store {} ms, commit {} ms; {} ms CPU)",
                    run.id(),
                    run.trigger(),
                    run.kind() == RunKind.FULL ? "full run" : "assignment",
                    run.clusterCount(),
                    run.eventsCovered(),
                    run.eventsSkipped(),
                    run.bandwidth(),
                    run.durationMs(),
                    timer.read,
                    timer.cluster,
                    timer.store,
                    timer.commit,
                    cpuMs);
        } else {
            log.warn(
                    "Clustering run {} ({}) {}: {}; the previous result stays",
                    run.id(),
                    run.trigger(),
                    run.status().name().toLowerCase(Locale.ROOT),
                    run.reason());
        }
    }
}
