package io.energysensors.benchmarks.clustering;

import java.util.concurrent.TimeUnit;

import io.energysensors.clustering.BandwidthEstimator;
import io.energysensors.clustering.MeanShift;
import io.energysensors.clustering.MeanShiftResult;
import io.energysensors.clustering.Points;
import io.energysensors.clustering.SyntheticLoads;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Mean Shift as the log service runs it, on {@link SyntheticLoads} events. Targets: 100 thousand
 * events within 0.1 s and a million within 1 s on 2 cores (scikit-learn takes 0.88 s for 100
 * thousand). Run: {@code java -jar benchmarks/target/benchmarks.jar MeanShift -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx2g"})
public class MeanShiftBenchmark {

    private static final int SEED = 42;

    @Param({"10000", "100000", "1000000"})
    private int events;

    private Points points;
    private double bandwidth;

    @Setup(Level.Trial)
    public void generateEvents() {
        points = SyntheticLoads.generate(events, SEED);
        bandwidth = BandwidthEstimator.reference().estimate(points);
    }

    /** The whole run: bandwidth estimate, then clustering and labels. */
    @Benchmark
    public MeanShiftResult estimateAndCluster() {
        return MeanShift.clusterAsReference(points);
    }

    /** Clustering and labels alone, with the bandwidth already known. */
    @Benchmark
    public MeanShiftResult clusterWithKnownBandwidth() {
        return new MeanShift().cluster(points, bandwidth);
    }

    /** The bandwidth estimate alone: numpy's permutation of every index, then 200 x 200 distances. */
    @Benchmark
    public double estimateBandwidth() {
        return BandwidthEstimator.reference().estimate(points);
    }
}
