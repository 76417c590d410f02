package io.energysensors.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.energysensors.format.LineParser;
import io.energysensors.format.SensorLine;
import io.energysensors.format.event.SensorEventReader;
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

/**
 * The log service's way from a line to a validated event, on the sample: the reader alone on
 * parsed lines, text line to event, and JSON form to event. The score is lines per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SensorEventReaderBenchmark {

    private final LineParser parser = new LineParser();
    private final LineJson json = new LineJson();
    private final SensorEventReader reader = new SensorEventReader();
    private String[] lines;
    private SensorLine[] parsed;
    private String[] written;

    @Setup
    public void parseSample() {
        lines = Sample.lines();
        parsed = Arrays.stream(lines).map(parser::parse).toArray(SensorLine[]::new);
        written = Arrays.stream(parsed).map(json::write).toArray(String[]::new);
    }

    @Benchmark
    @OperationsPerInvocation(Sample.LINES)
    public void read(Blackhole blackhole) {
        for (SensorLine line : parsed) {
            blackhole.consume(reader.read(line));
        }
    }

    @Benchmark
    @OperationsPerInvocation(Sample.LINES)
    public void parseAndRead(Blackhole blackhole) {
        for (String line : lines) {
            blackhole.consume(reader.read(parser.parse(line)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(Sample.LINES)
    public void jsonToEvent(Blackhole blackhole) {
        for (String line : written) {
            blackhole.consume(reader.read(json.read(line)));
        }
    }
}
