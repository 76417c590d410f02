package io.energysensors.parseservice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** parse-service in tokens mode over real HTTP: the same roles and origin check as log-service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParseServiceTokensTests {

    private static final Map<String, String> TOKENS = Map.of(
            "device", "parse-device-token-Pd1Qe2Rf3Sg4Th5Ui6Vj7Wk8Xl9Ym0",
            "reader", "parse-reader-token-Rr1Ss2Tt3Uu4Vv5Ww6Xx7Yy8Zz9Aa0",
            "admin", "parse-admin-token-Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8Ii9Jj0",
            "bad", "parse-unknown-token-Uu1Nn2Kk3Nn4Oo5Ww6Nn7Tt8Oo9Kk0");

    private static final String LINE =
            "Device: ID=1; Fw=16071801; Evt=2; Alarms: CoilRevesed=OFF; Power: Active=1753W; Reactive=279var;"
                    + " Appearent=403VA; Line: Current=7.35900021; Voltage=230.08V; Phase=-43,841rad; Peaks: 7.33;7.31;"
                    + " FFT Re: 9748;46; FFT Img: 2712;6; UTC Time: 2016-10-4 16:47:50; hz: 49.87; WiFi Strength: -62;"
                    + " Dummy: 20";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("energy-sensors.security.tokens.device", () -> sha256(TOKENS.get("device")));
        registry.add("energy-sensors.security.tokens.reader", () -> sha256(TOKENS.get("reader")));
        registry.add("energy-sensors.security.tokens.admin", () -> sha256(TOKENS.get("admin")));
    }

    @LocalServerPort
    private int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0} {1} by {2}: {3}")
    @CsvSource({
        "POST, /log/parse, none, 401",
        "POST, /log/parse, bad, 401",
        "POST, /log/parse, device, 200",
        "POST, /log/parse, reader, 200",
        "POST, /log/parse, admin, 200",
        "GET, /v3/api-docs, none, 401",
        "GET, /v3/api-docs, device, 403",
        "GET, /v3/api-docs, reader, 200",
        "GET, /actuator/prometheus, bad, 401",
        "GET, /actuator/prometheus, reader, 403",
        "GET, /actuator/prometheus, admin, 200",
        "GET, /actuator/health, none, 200",
        "GET, /actuator/health, bad, 200",
    })
    void answersEachCallerAsItsRoleAllows(String method, String path, String caller, int status)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, caller, Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @ParameterizedTest(name = "a cross-site parse by {0} is refused")
    @CsvSource({"device", "admin"})
    void refusesCrossSitePostsWhateverTheToken(String caller) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/log/parse", caller, Map.of("Origin", "https://evil.example"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("https://evil.example");
    }

    private HttpResponse<String> send(String method, String path, String caller, Map<String, String> headers)
            throws IOException, InterruptedException {
        boolean post = method.equals("POST");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        post
                                ? HttpRequest.BodyPublishers.ofString(LINE, StandardCharsets.UTF_8)
                                : HttpRequest.BodyPublishers.noBody());
        if (post) {
            request.header("Content-Type", "text/plain");
        }
        if (TOKENS.containsKey(caller)) {
            request.header("Authorization", "Bearer " + TOKENS.get(caller));
        }
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
