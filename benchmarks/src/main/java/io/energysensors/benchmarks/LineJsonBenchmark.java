package io.energysensors.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.energysensors.format.LineParser;
import io.energysensors.format.SensorLine;
import io.energysensors.format.json.LineJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** JSON form throughput on the parsed sample, one line object at a time; the score is lines per second. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LineJsonBenchmark {

    private final LineJson json = new LineJson();
    private SensorLine[] lines;
    private String[] written;

    @Setup
    public void parseSample() {
        LineParser parser = new LineParser();
        lines = Arrays.stream(Sample.lines()).map(parser::parse).toArray(SensorLine[]::new);
        written = Arrays.stream(lines).map(json::write).toArray(String[]::new);
    }

    @Benchmark
    @OperationsPerInvocation(Sample.LINES)
    public void write(Blackhole blackhole) {
        for (SensorLine line : lines) {
            blackhole.consume(json.write(line));
        }
    }

    @Benchmark
    @OperationsPerInvocation(Sample.LINES)
    public void read(Blackhole blackhole) {
        for (String line : written) {
            blackhole.consume(json.read(line));
        }
    }
}
