package io.energysensors.logservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.energysensors.logservice.OnH2;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The JSON behind the dashboard, over real HTTP against H2. */
class DashboardEndpointsTests extends OnH2 {

    @Test
    void aLimitAboveAllEventsReturnsEveryEventOnce() {
        storeSample();

        JsonNode sample = server.get("/dashboard/points?limit=20000").json();

        assertThat(sample.get("step").asLong()).isEqualTo(1);
        assertThat(sample.get("points").size()).isEqualTo(sample.get("total").asInt());
    }

    @Test
    void ingestionCountsThisMinutesEventsAndEveryMinuteAsked() {
        long before = lastMinute(server.get("/dashboard/ingestion?minutes=3").json());
        storeSample();

        JsonNode figures = server.get("/dashboard/ingestion?minutes=3").json();

        assertThat(figures.get("per_minute").size()).isEqualTo(3);
        // The store may cross a minute boundary; the two last minutes then hold the sample.
        long lastTwo = figures.get("per_minute").get(1).get("events").asLong() + lastMinute(figures);
        assertThat(lastTwo).isGreaterThanOrEqualTo(before + Samples.lines().size());
        assertThat(figures.get("events_stored").asLong())
                .isEqualTo(server.get("/events/count").json().get("count").asLong());
    }

    @Test
    void rejectedLinesAreCountedByReason() {
        long before = rejected(server.get("/dashboard/ingestion").json(), "invalid line");
        String good = Samples.lines().get(0);
        String bad = "Device: ID=1; Fw=1; Evt=2;";

        Reply refused = server.postText(String.join("\n", good, bad, bad, good));

        assertThat(refused.status()).isEqualTo(400);
        long after = rejected(server.get("/dashboard/ingestion").json(), "invalid line");
        assertThat(after - before).isEqualTo(2);
    }

    @Test
    void aWrongMediaTypeIsCountedAsOneRefusedBody() {
        long before = rejected(server.get("/dashboard/ingestion").json(), "unsupported media type");

        server.post("application/xml", new byte[] {'<', 'a', '/', '>'});

        assertThat(rejected(server.get("/dashboard/ingestion").json(), "unsupported media type") - before)
                .isEqualTo(1);
    }

    @Test
    void theOpenApiDescriptionListsTheDashboardEndpoints() {
        JsonNode api = server.get("/v3/api-docs").json();

        assertThat(api.get("paths").has("/dashboard/points")).isTrue();
        assertThat(api.get("paths").has("/dashboard/ingestion")).isTrue();
    }

    @Test
    void theRootServesTheDashboardPageAndItsScripts() {
        Reply page = server.get("/");
        Reply script = server.get("/dashboard/assets/dashboard.js");
        Reply echarts = server.get("/dashboard/assets/vendor/echarts/echarts.min.js");
        Reply license = server.get("/dashboard/assets/vendor/echarts/LICENSE");
        Reply notice = server.get("/dashboard/assets/vendor/echarts/NOTICE");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body())
                .contains("/dashboard/assets/vendor/echarts/echarts.min.js", "/dashboard/assets/dashboard.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(echarts.status()).isEqualTo(200);
        assertThat(echarts.body()).contains("echarts");
        assertThat(license.body()).contains("Apache License");
        assertThat(notice.body()).contains("Apache ECharts");
    }

    private void storeSample() {
        Reply stored = server.postText(String.join("\n", Samples.linesOfDevice(Samples.newDevice())));
        assertThat(stored.status()).isEqualTo(200);
    }

    private static long lastMinute(JsonNode figures) {
        JsonNode minutes = figures.get("per_minute");
        return minutes.get(minutes.size() - 1).get("events").asLong();
    }

    private static long rejected(JsonNode figures, String reason) {
        JsonNode count = figures.get("rejected").get(reason);
        return count == null ? 0 : count.asLong();
    }
}
