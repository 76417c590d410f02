package io.energysensors.benchmarks.runs;

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
import java.util.List;
import java.util.Locale;

import io.energysensors.clustering.Points;
import io.energysensors.clustering.SyntheticLoads;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores {@code --events} synthetic events (SyntheticLoads' features written into the sample's
 * first line) into a log service in 1000-line batches, then asks for {@code --runs} runs one
 * after another and prints the duration each recorded: read features, cluster, store the result.
 * Usage: {@code ClusteringRunDriver --base http://localhost:5099 --file res/events.txt
 * --events 100000 --runs 5 [--seed 42]}; {@code --runs 0} only stores.
 */
public final class ClusteringRunDriver {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 1000;

    private ClusteringRunDriver() {}

    public static void main(String[] args) throws Exception {
        String base = option(args, "--base", "http://localhost:5099");
        Path file = Path.of(option(args, "--file", "res/events.txt"));
        int events = Integer.parseInt(option(args, "--events", "100000"));
        int runs = Integer.parseInt(option(args, "--runs", "5"));
        int seed = Integer.parseInt(option(args, "--seed", "42"));
        HttpClient client = HttpClient.newHttpClient();
        String template = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);

        Points points = SyntheticLoads.generate(events, seed);
        long fillStart = System.nanoTime();
        for (int from = 0; from < events; from += BATCH) {
            List<String> lines = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(events, from + BATCH); i++) {
                lines.add(line(template, points.point(i)));
            }
            HttpRequest store = HttpRequest.newBuilder(URI.create(base + "/log/store"))
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines)))
                    .build();
            HttpResponse<String> stored = client.send(store, HttpResponse.BodyHandlers.ofString());
            // 503 is the service's back-pressure (nothing stored): wait as it asks, then send the batch again.
            for (int retry = 0; stored.statusCode() == 503 && retry < 10; retry++) {
                Thread.sleep(
                        1000 * stored.headers().firstValueAsLong("Retry-After").orElse(1));
                stored = client.send(store, HttpResponse.BodyHandlers.ofString());
            }
            if (stored.statusCode() != 200) {
                throw new IllegalStateException("store answered " + stored.statusCode() + ": " + stored.body());
            }
        }
        System.out.printf(Locale.ROOT, "stored %d events in %.1f s%n", events, (System.nanoTime() - fillStart) / 1e9);

        if (runs == 0) {
            return;
        }
        long[] durations = new long[runs];
        for (int run = 0; run < runs; run++) {
            long before = lastRunId(summary(client, base));
            client.send(
                    HttpRequest.newBuilder(URI.create(base + "/clusters/recompute"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            JsonNode summary;
            do {
                Thread.sleep(50);
                summary = summary(client, base);
            } while (lastRunId(summary) <= before);
            JsonNode last = summary.get("last_run");
            durations[run] = last.get("duration_ms").asLong();
            System.out.printf(
                    Locale.ROOT,
                    "run %d: %s, %d ms, %d clusters, %d events covered, bandwidth %.3f%n",
                    last.get("id").asLong(),
                    last.get("status").asString(),
                    durations[run],
                    summary.get("clusters").size(),
                    summary.get("events_covered").asLong(),
                    summary.get("bandwidth").asDouble());
        }
        long[] sorted = durations.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "run time over %d events: min %d ms, median %d ms, max %d ms%n",
                events,
                sorted[0],
                sorted[sorted.length / 2],
                sorted[sorted.length - 1]);
    }

    /** The sample's first line with the 8 clustering features replaced. */
    static String line(String template, double[] f) {
        String peaks = String.format(Locale.ROOT, "Peaks: %s;%s;%s;", f[5], f[6], f[7]);
        return template.replace("Active=1753W", "Active=" + f[0] + "W")
                .replace("Reactive=279var", "Reactive=" + f[1] + "var")
                .replace("Appearent=403VA", "Appearent=" + f[2] + "VA")
                .replace("Current=7.35900021", "Current=" + f[3])
                .replace("Voltage=230.08V", "Voltage=" + f[4] + "V")
                .replaceFirst("Peaks: [^ ]*;", peaks);
    }

    private static JsonNode summary(HttpClient client, String base) throws IOException, InterruptedException {
        HttpResponse<String> reply = client.send(
                HttpRequest.newBuilder(URI.create(base + "/clusters/summary"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(reply.body());
    }

    private static long lastRunId(JsonNode summary) {
        return summary.get("last_run").isNull()
                ? 0
                : summary.get("last_run").get("id").asLong();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
