package io.energysensors.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A closed-loop HTTP load generator: {@code --connections} clients over keep-alive connections
 * each send their next request as soon as the last one is answered, for {@code --seconds} after
 * a warm-up. Prints one line of {@code key=value} figures for scripts to read:
 * requests/s, latency percentiles, lines/s for posted bodies, and answers that were not 2xx.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.energysensors.benchmarks.load.HttpLoad \
 *     --url http://localhost:5000/log/store --file res/events.txt --batch 1 --connections 32 --seconds 20
 * java -cp ... HttpLoad --url http://localhost:5000/actuator/health --connections 32 --seconds 20
 * </pre>
 * Without {@code --file} it sends GETs; with it, POSTs of {@code --batch} consecutive lines.
 */
public final class HttpLoad {

    private static final Map<String, String> DEFAULTS = Map.of(
            "--url",
            "http://localhost:5000/actuator/health",
            "--file",
            "",
            "--batch",
            "1",
            "--content-type",
            "text/plain",
            "--connections",
            "32",
            "--warmup",
            "5",
            "--seconds",
            "20");

    private record Options(
            URI url, List<String> bodies, String contentType, int connections, int warmupSeconds, int seconds) {

        static Options parse(String[] args) throws Exception {
            Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
            for (int i = 0; i < args.length; i += 2) {
                if (!values.containsKey(args[i]) || i + 1 == args.length) {
                    throw new IllegalArgumentException("bad option " + args[i] + "; known: " + DEFAULTS.keySet());
                }
                values.put(args[i], args[i + 1]);
            }
            String file = values.get("--file");
            List<String> bodies = file.isEmpty()
                    ? List.of()
                    : bodies(
                            Files.readAllLines(Path.of(file), StandardCharsets.UTF_8),
                            Integer.parseInt(values.get("--batch")));
            return new Options(
                    URI.create(values.get("--url")),
                    bodies,
                    values.get("--content-type"),
                    Integer.parseInt(values.get("--connections")),
                    Integer.parseInt(values.get("--warmup")),
                    Integer.parseInt(values.get("--seconds")));
        }

        private static List<String> bodies(List<String> lines, int batch) {
            List<String> bodies = new ArrayList<>();
            for (int from = 0; from < lines.size(); from += batch) {
                bodies.add(String.join("\n", lines.subList(from, Math.min(lines.size(), from + batch))));
            }
            return bodies;
        }
    }

    /** What one client saw in one phase; latencies in microseconds, in the order sent. */
    private static final class ClientTally {

        long[] latencies = new long[1024];
        int requests;
        long lines;
        long failures;
        String firstFailure;

        void answered(long micros, int bodyLines) {
            if (requests == latencies.length) {
                latencies = Arrays.copyOf(latencies, requests * 2);
            }
            latencies[requests++] = micros;
            lines += bodyLines;
        }
    }

    private HttpLoad() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(options.connections());
        try {
            run(client, pool, options, options.warmupSeconds());
            long start = System.nanoTime();
            List<ClientTally> tallies = run(client, pool, options, options.seconds());
            report(tallies, (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<ClientTally> run(HttpClient client, ExecutorService pool, Options options, int seconds)
            throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<ClientTally>> clients = new ArrayList<>();
        for (int c = 0; c < options.connections(); c++) {
            int first = c;
            clients.add(pool.submit(() -> send(client, options, first, deadline)));
        }
        List<ClientTally> tallies = new ArrayList<>();
        for (Future<ClientTally> future : clients) {
            tallies.add(future.get());
        }
        return tallies;
    }

    private static ClientTally send(HttpClient client, Options options, int first, long deadline) throws Exception {
        ClientTally tally = new ClientTally();
        List<String> bodies = options.bodies();
        for (int i = first; System.nanoTime() < deadline; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(options.url());
            int bodyLines = 0;
            if (bodies.isEmpty()) {
                request.GET();
            } else {
                String body = bodies.get(i % bodies.size());
                bodyLines = (int) body.lines().count();
                request.header("Content-Type", options.contentType()).POST(HttpRequest.BodyPublishers.ofString(body));
            }
            long sent = System.nanoTime();
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            tally.answered((System.nanoTime() - sent) / 1000, bodyLines);
            if (response.statusCode() / 100 != 2) {
                tally.failures++;
                if (tally.firstFailure == null) {
                    tally.firstFailure = response.statusCode() + " "
                            + response.body().lines().findFirst().orElse("");
                }
            }
        }
        return tally;
    }

    private static void report(List<ClientTally> tallies, double seconds) {
        long[] latencies = tallies.stream()
                .flatMapToLong(t -> Arrays.stream(t.latencies, 0, t.requests))
                .sorted()
                .toArray();
        long lines = tallies.stream().mapToLong(t -> t.lines).sum();
        long failures = tallies.stream().mapToLong(t -> t.failures).sum();
        System.out.printf(
                "requests=%d requests_per_s=%.0f lines_per_s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f "
                        + "failures=%d%n",
                latencies.length,
                latencies.length / seconds,
                lines / seconds,
                percentile(latencies, 0.50),
                percentile(latencies, 0.99),
                percentile(latencies, 1.0),
                failures);
        tallies.stream()
                .filter(t -> t.firstFailure != null)
                .findFirst()
                .ifPresent(t -> System.err.println("first failure: " + t.firstFailure));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
