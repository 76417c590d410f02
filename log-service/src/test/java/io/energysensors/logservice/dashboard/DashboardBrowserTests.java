package io.energysensors.logservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.energysensors.logservice.OnH2;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in headless Chromium against the real service: what it plots and tabulates is
 * what the JSON endpoints say. Needs Debian's {@code chromium} and {@code chromium-driver}
 * ({@link NeedsChromium} says what happens without them).
 */
@ExtendWith(NeedsChromium.class)
class DashboardBrowserTests extends OnH2 {

    static final String ORPHAN_GREY = "#9e9e9e";
    static final Duration PAGE_WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path profile;

    static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        assertThat(NeedsChromium.missing()).as("what the browser test lacks").isNull();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(NeedsChromium.CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,1500",
                "--user-data-dir=" + profile);
        // An explicit driver keeps Selenium Manager from looking for one on the internet.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(NeedsChromium.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void showsTheClusteredSampleItsSummaryAndRecomputes() throws IOException {
        assertThat(server.postText(String.join("\n", Samples.linesOfDevice(Samples.newDevice())))
                        .status())
                .isEqualTo(200);
        assertThat(server.postText("Device: ID=1; Fw=1; Evt=2;").status()).isEqualTo(400);
        requestRun();

        browser.get(server.base() + "/");
        JsonNode summary = awaitPageShowingResultOfEveryEvent();

        screenshot(Path.of("target", "dashboard.png"));

        assertPlotMatches(server.get("/dashboard/points").json(), summary);
        assertTableMatches(summary);
        assertLiveFiguresMatch(server.get("/dashboard/ingestion").json());

        long lastRun = summary.get("last_run").get("id").asLong();
        browser.findElement(By.id("recompute")).click();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode now = server.get("/clusters/summary").json();
            assertThat(now.get("last_run").get("id").asLong()).isGreaterThan(lastRun);
            assertThat(runShown()).contains(now.get("last_run").get("status").asString());
            assertThat(runShown()).contains(localStartOf(now));
        });
    }

    /**
     * A series name full of markup, shown in the scatter's tooltip, stays text: no element is
     * made of it and its handler never runs. Repeated as a whole, since a poll that brings new
     * points redraws the chart without the probe series.
     */
    @Test
    void showsMarkupInTooltipsAsText() {
        String markup = "<img src=x onerror=\"window.injected = true\">";
        browser.get(server.base() + "/");
        await().atMost(PAGE_WAIT)
                .until(() ->
                        Boolean.TRUE.equals(js("return !!window.dashboard && window.dashboard.state.points !== null")));

        await().atMost(PAGE_WAIT).untilAsserted(() -> {
            Object tooltip = js(
                    "const scatter = window.dashboard.scatter;"
                            + " scatter.setOption({series: [{id: 'probe', name: arguments[0], type: 'scatter', data: [[1, 2]]}]});"
                            + " const index = scatter.getModel().getSeries().findIndex(series => series.id === 'probe');"
                            + " scatter.dispatchAction({type: 'showTip', seriesIndex: index, dataIndex: 0});"
                            // The chart itself is a canvas: the tooltip is the only text in its element.
                            + " const chart = document.getElementById('scatter');"
                            + " return {text: chart.textContent, images: chart.querySelectorAll('img').length,"
                            + " injected: window.injected === true};",
                    markup);
            Map<?, ?> shown = (Map<?, ?>) tooltip;
            assertThat((String) shown.get("text")).contains(markup, ": 1", ": 2");
            assertThat(shown.get("images")).isEqualTo(0L);
            assertThat(shown.get("injected")).isEqualTo(false);
        });
    }

    private void requestRun() {
        Reply asked = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/clusters/recompute"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(asked.status()).isEqualTo(202);
    }

    /**
     * The current result once it covers every stored event and the page shows it with its points.
     * Runs the store's own trigger started may finish after the one asked for, so the page is
     * compared with whatever result is current, not with the first that covered every event.
     */
    private JsonNode awaitPageShowingResultOfEveryEvent() {
        long stored = server.get("/events/count").json().get("count").asLong();
        return await().atMost(Duration.ofSeconds(40))
                .until(
                        () -> server.get("/clusters/summary").json(),
                        summary -> !summary.get("events_covered").isNull()
                                && summary.get("events_covered").asLong()
                                                + summary.get("events_skipped").asLong()
                                        == stored
                                && Boolean.TRUE.equals(js(
                                        "const d = window.dashboard; return !!d && d.state.points !== null"
                                                + " && d.state.summary !== null && d.state.summary.run_id === arguments[0]"
                                                + " && d.state.pointsFor === arguments[0] + '/' + arguments[1]",
                                        summary.get("run_id").asLong(),
                                        stored)));
    }

    /** One plotted point per sampled event, in its cluster's series and colour; orphans grey. */
    private void assertPlotMatches(JsonNode sample, JsonNode summary) {
        Map<String, Integer> expected = new TreeMap<>();
        for (JsonNode point : sample.get("points")) {
            JsonNode label = point.get(8);
            expected.merge("label:" + (label.isNull() ? "none" : label.asInt()), 1, Integer::sum);
        }
        int centers = 0;
        for (JsonNode cluster : summary.get("clusters")) {
            centers += cluster.has("center") ? 1 : 0;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> plotted = (List<Map<String, Object>>) js("return window.dashboard.plotted()");
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> colours = new HashMap<>();
        for (Map<String, Object> series : plotted) {
            counts.put((String) series.get("id"), ((Number) series.get("count")).intValue());
            colours.put((String) series.get("id"), ((String) series.get("color")).toLowerCase());
        }
        assertThat(counts.remove("centers")).isEqualTo(centers);
        assertThat(counts).isEqualTo(expected);
        assertThat(expected).containsKey("label:0");
        if (expected.containsKey("label:-1")) {
            assertThat(colours.get("label:-1")).isEqualTo(ORPHAN_GREY);
        }
        Set<String> clusterColours = new HashSet<>();
        expected.keySet().stream()
                .filter(id -> !id.equals("label:-1") && !id.equals("label:none"))
                .forEach(id -> clusterColours.add(colours.get(id)));
        int clusterSeries = (int) expected.keySet().stream()
                .filter(id -> !id.equals("label:-1") && !id.equals("label:none"))
                .count();
        assertThat(clusterColours).hasSize(Math.min(clusterSeries, 15)).doesNotContain(ORPHAN_GREY);
    }

    /** A row per label of /clusters/summary, in its order, with its count. */
    private void assertTableMatches(JsonNode summary) {
        List<String> expected = new ArrayList<>();
        for (JsonNode cluster : summary.get("clusters")) {
            expected.add(cluster.get("label").asInt() + "="
                    + thousands(cluster.get("count").asLong()));
        }
        // Read in one script: the page re-renders the table as it polls, which would make rows
        // found by one WebDriver call stale by the next.
        Object shown = js("return Array.from(document.querySelectorAll('#summary tbody tr'),"
                + " row => row.dataset.label + '=' + row.cells[1].innerText)");
        assertThat(shown).isEqualTo(expected);
        assertThat(runShown())
                .contains("SUCCEEDED", thousands(summary.get("events_covered").asLong()));
    }

    private void assertLiveFiguresMatch(JsonNode ingestion) {
        await().atMost(PAGE_WAIT).untilAsserted(() -> {
            assertThat(browser.findElement(By.id("events-stored")).getText().replace(",", ""))
                    .isEqualTo(ingestion.get("events_stored").asString());
            WebElement invalid = browser.findElement(By.cssSelector("#rejected tr[data-reason='invalid line']"));
            assertThat(invalid.getText().replace(",", ""))
                    .endsWith(ingestion.get("rejected").get("invalid line").asString());
        });
        Number bars = (Number) js("return window.dashboard.rate.getModel().getSeriesByIndex(0).getData().count()");
        assertThat(bars.intValue()).isEqualTo(15);
    }

    /** As the page writes counts: {@code 1,000}. */
    private static String thousands(long count) {
        return String.format(Locale.US, "%,d", count);
    }

    private String runShown() {
        return browser.findElement(By.id("run")).getText();
    }

    private String localStartOf(JsonNode summary) {
        return (String) js(
                "return new Date(arguments[0]).toLocaleString()",
                summary.get("last_run").get("started_at").asString());
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private static void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
