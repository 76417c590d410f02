package io.energysensors.benchmarks;

import java.util.concurrent.TimeUnit;

import io.energysensors.format.LineParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** Parser throughput on the sample; the score is lines per second (target: 500,000 on one core). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LineParserBenchmark {

    private final LineParser parser = new LineParser();
    private String[] lines;

    @Setup
    public void readSample() {
        lines = Sample.lines();
    }

    @Benchmark
    @OperationsPerInvocation(Sample.LINES)
    public void parse(Blackhole blackhole) {
        for (String line : lines) {
            blackhole.consume(parser.parse(line));
        }
    }
}
