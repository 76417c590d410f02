package io.energysensors.logservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.energysensors.logservice.OnH2;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.TestServer.Reply;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * GET /dashboard/points answers from the sample taken for the current clustering result: polls
 * between runs get the same answer, counted by the service's own metric, and a new result takes
 * a new sample. Over real HTTP against H2.
 */
class PointSampleCacheTests extends OnH2 {

    @Autowired
    private MeterRegistry meters;

    @Test
    void pollsBetweenRunsGetTheSameSampleWithoutTakingAnother() {
        server.postText(String.join("\n", Samples.linesOfDevice(Samples.newDevice())));

        // A run that the store above triggered may end between two polls: then ask again.
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            Reply first = server.get("/dashboard/points");
            double taken = samplesTaken();
            Reply second = server.get("/dashboard/points");

            assertThat(second.json().get("run_id")).isEqualTo(first.json().get("run_id"));
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(samplesTaken()).isEqualTo(taken);
        });
    }

    @Test
    void aRepeatedPollWithTheSamplesETagIsNotModified() {
        HttpClient client = HttpClient.newHttpClient();
        URI points = URI.create(server.base() + "/dashboard/points");
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            HttpResponse<String> first =
                    client.send(HttpRequest.newBuilder(points).build(), HttpResponse.BodyHandlers.ofString());
            String etag = first.headers().firstValue("ETag").orElseThrow();

            HttpResponse<String> again = client.send(
                    HttpRequest.newBuilder(points).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(again.statusCode()).isEqualTo(304);
        });
    }

    @Test
    void aNewClusteringResultTakesANewSample() {
        server.postText(String.join("\n", Samples.linesOfDevice(Samples.newDevice())));
        long before = server.get("/dashboard/points").json().get("run_id").asLong();
        double taken = samplesTaken();

        Reply recompute = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/clusters/recompute"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(recompute.status()).as(recompute.body()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(2))
                .until(() ->
                        server.get("/clusters/summary").json().path("run_id").asLong() > before);

        Reply after = server.get("/dashboard/points");
        assertThat(after.json().get("run_id").asLong())
                .isEqualTo(server.get("/clusters/summary").json().get("run_id").asLong());
        assertThat(samplesTaken()).isGreaterThan(taken);
    }

    private double samplesTaken() {
        return meters.get("energy_sensors.dashboard.samples").counter().count();
    }
}
