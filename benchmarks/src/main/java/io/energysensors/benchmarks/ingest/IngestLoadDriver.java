package io.energysensors.benchmarks.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts the sample's lines to POST /log/store as fast as the service acknowledges them and
 * reports acknowledged events per second, after a warm-up. Every request must answer 200.
 * Each client is a thread with a request in flight, over keep-alive connections of one HTTP
 * client that does its work on {@code --threads} threads. {@code --get} sends GET requests to
 * the URL instead (e.g. /actuator/health), the ceiling of requests/s the same server reaches.
 *
 * <pre>
 * java -cp ... io.energysensors.benchmarks.ingest.IngestLoadDriver \
 *     --url http://localhost:5000/log/store --file res/events.txt --batch 1000 --clients 2 --seconds 20
 * java -cp ... IngestLoadDriver --batch 1 --clients 32 --threads 2
 * java -cp ... IngestLoadDriver --url http://localhost:5000/actuator/health --get true --clients 32 --threads 2
 * </pre>
 */
public final class IngestLoadDriver {

    private record Options(URI url, Path file, int batch, int clients, int threads, boolean get, int warmupSeconds,
            int seconds) {

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>(Map.of("--url", "http://localhost:5000/log/store",
                    "--file", "res/events.txt", "--batch", "1000", "--clients", "2", "--threads", "2", "--get", "false",
                    "--warmup", "5", "--seconds", "20"));
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!values.containsKey(args[i])) {
                    throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + values.keySet());
                }
                values.put(args[i], args[i + 1]);
            }
            return new Options(URI.create(values.get("--url")), Path.of(values.get("--file")),
                    Integer.parseInt(values.get("--batch")), Integer.parseInt(values.get("--clients")),
                    Integer.parseInt(values.get("--threads")), Boolean.parseBoolean(values.get("--get")),
                    Integer.parseInt(values.get("--warmup")), Integer.parseInt(values.get("--seconds")));
        }
    }

    /** One phase's tally; latencies in microseconds. */
    private static final class Tally {

        final AtomicLong events = new AtomicLong();
        final List<Long> latencies = new ArrayList<>();

        synchronized void add(int count, long micros) {
            events.addAndGet(count);
            latencies.add(micros);
        }

        synchronized long percentile(double p) {
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
        }
    }

    private IngestLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        List<String> bodies = bodies(Files.readAllLines(options.file(), StandardCharsets.UTF_8), options.batch());
        ExecutorService httpThreads = Executors.newFixedThreadPool(options.threads());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpThreads).build();

        run(client, options, bodies, options.warmupSeconds());
        long start = System.nanoTime();
        Tally tally = run(client, options, bodies, options.seconds());
        double elapsed = (System.nanoTime() - start) / 1e9;

        httpThreads.shutdownNow();

        System.out.printf("%s clients=%d threads=%d: %d events in %.1f s = %.0f events/s, %.1f requests/s, "
                        + "latency p50 %.2f ms p99 %.2f ms%n",
                options.get() ? "GET " + options.url().getPath() : "batch=" + options.batch(), options.clients(),
                options.threads(), tally.events.get(), elapsed, tally.events.get() / elapsed,
                tally.latencies.size() / elapsed, tally.percentile(0.50) / 1000.0, tally.percentile(0.99) / 1000.0);
    }

    /** The file cut into bodies of {@code batch} lines (the last one shorter), each newline-separated. */
    private static List<String> bodies(List<String> lines, int batch) {
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += batch) {
            bodies.add(String.join("\n", lines.subList(from, Math.min(lines.size(), from + batch))));
        }
        return bodies;
    }

    private static Tally run(HttpClient client, Options options, List<String> bodies, int seconds) throws Exception {
        Tally tally = new Tally();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(options.clients());
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < options.clients(); c++) {
                int first = c;
                clients.add(pool.submit(() -> {
                    send(client, options, bodies, first, deadline, tally);
                    return null;
                }));
            }
            for (Future<?> future : clients) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return tally;
    }

    private static void send(HttpClient client, Options options, List<String> bodies, int first, long deadline,
            Tally tally) throws IOException, InterruptedException {
        for (int i = first; System.nanoTime() < deadline; i++) {
            String body = bodies.get(i % bodies.size());
            HttpRequest request = options.get()
                    ? HttpRequest.newBuilder(options.url()).GET().build()
                    : HttpRequest.newBuilder(options.url())
                            .header("Content-Type", "text/plain")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
            long sent = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long micros = (System.nanoTime() - sent) / 1000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
            }
            tally.add(options.get() ? 0 : lineCount(body), micros);
        }
    }

    private static int lineCount(String body) {
        return (int) Arrays.stream(body.split("\n", -1)).filter(line -> !line.isBlank()).count();
    }
}
