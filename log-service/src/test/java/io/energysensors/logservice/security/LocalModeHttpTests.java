package io.energysensors.logservice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import io.energysensors.logservice.FreshDataDir;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.security.HttpCalls.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * log-service in local mode, the default, over real HTTP: loopback clients need no token, other
 * addresses are refused, and cross-site browser requests are refused in any case.
 *
 * <p>The test client is always on loopback. To stand for a client elsewhere, this test (and only
 * this test) trusts loopback as a reverse proxy: Tomcat's RemoteIpValve then takes the client's
 * address from the X-Forwarded-For header the test sends, exactly as the service behind nginx
 * would see a remote client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LocalModeHttpTests {

    private static final String ELSEWHERE = "203.0.113.7";
    private static final String ALLOWED_ORIGIN = "https://dashboards.example.org";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        FreshDataDir.register(registry, "local-mode");
        registry.add("server.forward-headers-strategy", () -> "native");
        registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
        registry.add("energy-sensors.security.allowed-origins", () -> ALLOWED_ORIGIN);
    }

    @LocalServerPort
    private int port;

    private HttpCalls http;

    @BeforeEach
    void connect() {
        http = new HttpCalls(port);
    }

    @Test
    void aLoopbackClientStoresAndReadsWithoutAToken() {
        long device = Samples.newDevice();

        Answer stored = store(device, Map.of());

        assertThat(stored.status()).isEqualTo(200);
        assertThat(storedOf(device)).isEqualTo(1);
        assertThat(http.send("GET", "/clusters/summary", null, Map.of()).status())
                .isEqualTo(200);
        assertThat(http.send("GET", "/actuator/prometheus", null, Map.of()).status())
                .isEqualTo(200);
    }

    @Test
    void aClientOnAnotherMachineGets401SayingHowToConfigureTokens() {
        long device = Samples.newDevice();

        Answer store = store(device, Map.of("X-Forwarded-For", ELSEWHERE));
        Answer read = http.send("GET", "/events/count", null, Map.of("X-Forwarded-For", ELSEWHERE));
        Answer health = http.send("GET", "/actuator/health", null, Map.of("X-Forwarded-For", ELSEWHERE));

        assertThat(store.status()).isEqualTo(401);
        assertThat(store.contentType()).startsWith("application/problem+json");
        assertThat(store.json().path("error").asString())
                .contains("local mode", ELSEWHERE, "scripts/new-token", "energy-sensors.security.mode=tokens");
        assertThat(store.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(read.status()).isEqualTo(401);
        assertThat(health.status()).isEqualTo(200);
        assertThat(storedOf(device)).isZero();
    }

    @Test
    void refusesTheCrossSiteTextPlainPostAnyWebPageCouldMakeABrowserSend() {
        long device = Samples.newDevice();

        // What a form or fetch(..., {mode: 'no-cors'}) on another site sends: no preflight needed.
        Answer forged = store(device, Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(forged.json().path("error").asString())
                .contains("https://evil.example", "energy-sensors.security.allowed-origins");
        assertThat(storedOf(device)).isZero();
    }

    @Test
    void refusesCrossSiteReadsThatCarryNoOrigin() {
        Answer read = http.send("GET", "/events/count", null, Map.of("Sec-Fetch-Site", "cross-site"));

        assertThat(read.status()).isEqualTo(403);
        assertThat(read.json().path("error").asString()).contains("cross-site");
    }

    @Test
    void theDashboardsOwnOriginAndAllowedOriginsAreLetIn() {
        String own = "http://localhost:" + port;

        Answer dashboard =
                http.send("GET", "/dashboard/ingestion", null, Map.of("Origin", own, "Sec-Fetch-Site", "same-origin"));
        Answer allowed = http.send("GET", "/events/count", null, Map.of("Origin", ALLOWED_ORIGIN));
        Answer otherPort = http.send("GET", "/events/count", null, Map.of("Origin", "http://localhost:1"));

        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(otherPort.status()).isEqualTo(403);
    }

    private Answer store(long device, Map<String, String> headers) {
        return http.send(
                "POST", "/log/store", Samples.withDevice(Samples.lines().get(0), device), headers);
    }

    private long storedOf(long device) {
        Answer page = http.send("GET", "/events?device=" + device, null, Map.of());
        assertThat(page.status()).isEqualTo(200);
        return page.json().path("total_elements").asLong();
    }
}
