package io.energysensors.logservice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import io.energysensors.logservice.FreshDataDir;
import io.energysensors.logservice.Samples;
import io.energysensors.logservice.security.HttpCalls.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * log-service in tokens mode over real HTTP: every endpoint against every kind of caller (no
 * token, a bad one, each role's static token, JWTs of a test identity provider), device binding,
 * the rate limits and the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class TokensModeHttpTests {

    /** The device DEVICE_1 is bound to; no other test stores events of it. */
    private static final long BOUND_DEVICE = 910_001;

    private static final String DEVICE_LIMITED = "device-limited-token-Qa1Ws2Ed3Rf4Tg5Yh6Uj7Ik8Ol9P";
    private static final String READER_LIMITED = "reader-limited-token-Zx1Cv2Bn3Mm4As5Df6Gh7Jk8Lq9W";

    private static final TestIssuer ISSUER = new TestIssuer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        FreshDataDir.register(registry, "tokens-mode");
        registry.add("energy-sensors.security.mode", () -> "tokens");
        registry.add(
                "energy-sensors.security.tokens.device",
                () -> String.join(
                        ",",
                        TestTokens.sha256(TestTokens.DEVICE),
                        TestTokens.sha256(TestTokens.DEVICE_1) + ":" + BOUND_DEVICE,
                        TestTokens.sha256(DEVICE_LIMITED)));
        registry.add(
                "energy-sensors.security.tokens.reader",
                () -> TestTokens.sha256(TestTokens.READER) + "," + TestTokens.sha256(READER_LIMITED));
        registry.add("energy-sensors.security.tokens.admin", () -> TestTokens.sha256(TestTokens.ADMIN));
        registry.add("energy-sensors.security.jwt.jwk-set-uri", ISSUER::jwkSetUri);
        registry.add("energy-sensors.security.jwt.issuer-uri", () -> TestIssuer.ISSUER);
        registry.add("energy-sensors.security.rate-limits.device.event-burst", () -> "20");
        registry.add("energy-sensors.security.rate-limits.device.events-per-second", () -> "1");
        registry.add("energy-sensors.security.rate-limits.reader.request-burst", () -> "30");
        registry.add("energy-sensors.security.rate-limits.reader.requests-per-second", () -> "1");
        // The most the security filters ever log, so that the log check below sees all of it.
        registry.add("logging.level.org.springframework.security", () -> "TRACE");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @LocalServerPort
    private int port;

    private HttpCalls http;

    @BeforeEach
    void connect() {
        http = new HttpCalls(port);
    }

    /** Who calls: the Authorization header each kind of caller sends, or none. */
    enum Caller {
        NO_TOKEN(null),
        BAD_TOKEN(TestTokens.UNKNOWN),
        DEVICE(TestTokens.DEVICE),
        READER(TestTokens.READER),
        ADMIN(TestTokens.ADMIN),
        JWT_READER(null),
        JWT_ADMIN(null),
        JWT_OF_OTHER_ISSUER(null);

        private final String token;

        Caller(String token) {
            this.token = token;
        }

        String token() {
            return switch (this) {
                case JWT_READER -> ISSUER.jwt("reader");
                case JWT_ADMIN -> ISSUER.jwt("admin");
                case JWT_OF_OTHER_ISSUER -> ISSUER.jwtOfAnotherIssuer("admin");
                default -> token;
            };
        }
    }

    /** What an endpoint answers a caller: let in (any status but 401, 403, 429), or refused. */
    enum Expected {
        LET_IN,
        UNAUTHORIZED,
        FORBIDDEN
    }

    private record Endpoint(String method, String path, Function<Caller, Expected> rule) {}

    private static Expected publicAccess(Caller caller) {
        return Expected.LET_IN;
    }

    private static Expected deviceAccess(Caller caller) {
        return switch (caller) {
            case DEVICE, ADMIN, JWT_ADMIN -> Expected.LET_IN;
            case READER, JWT_READER -> Expected.FORBIDDEN;
            default -> Expected.UNAUTHORIZED;
        };
    }

    private static Expected readerAccess(Caller caller) {
        return switch (caller) {
            case READER, ADMIN, JWT_READER, JWT_ADMIN -> Expected.LET_IN;
            case DEVICE -> Expected.FORBIDDEN;
            default -> Expected.UNAUTHORIZED;
        };
    }

    private static Expected adminAccess(Caller caller) {
        return switch (caller) {
            case ADMIN, JWT_ADMIN -> Expected.LET_IN;
            case DEVICE, READER, JWT_READER -> Expected.FORBIDDEN;
            default -> Expected.UNAUTHORIZED;
        };
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/actuator/health", TokensModeHttpTests::publicAccess),
            new Endpoint("GET", "/", TokensModeHttpTests::publicAccess),
            new Endpoint("GET", "/dashboard/assets/index.html", TokensModeHttpTests::publicAccess),
            new Endpoint("GET", "/webjars/echarts/dist/echarts.min.js", TokensModeHttpTests::publicAccess),
            new Endpoint("POST", "/log/store", TokensModeHttpTests::deviceAccess),
            new Endpoint("GET", "/clusters/summary", TokensModeHttpTests::readerAccess),
            new Endpoint("GET", "/clusters/0", TokensModeHttpTests::readerAccess),
            new Endpoint("GET", "/clusters/0/events", TokensModeHttpTests::readerAccess),
            new Endpoint("GET", "/events", TokensModeHttpTests::readerAccess),
            new Endpoint("GET", "/events/1", TokensModeHttpTests::readerAccess),
            new Endpoint("GET", "/events/count", TokensModeHttpTests::readerAccess),
            new Endpoint("GET", "/dashboard/points", TokensModeHttpTests::readerAccess),
            new Endpoint("GET", "/dashboard/ingestion", TokensModeHttpTests::readerAccess),
            new Endpoint("GET", "/v3/api-docs", TokensModeHttpTests::readerAccess),
            new Endpoint("POST", "/clusters/recompute", TokensModeHttpTests::adminAccess),
            new Endpoint("GET", "/actuator/info", TokensModeHttpTests::adminAccess),
            new Endpoint("GET", "/actuator/prometheus", TokensModeHttpTests::adminAccess));

    static Stream<Arguments> everyEndpointAndCaller() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(endpoint.method() + " " + endpoint.path(), caller, endpoint));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("everyEndpointAndCaller")
    void answersEachCallerAsItsRoleAllows(String name, Caller caller, Endpoint endpoint) {
        Answer reply = call(endpoint.method(), endpoint.path(), caller.token());

        switch (endpoint.rule().apply(caller)) {
            case LET_IN -> assertThat(reply.status()).as(reply.body()).isNotIn(401, 403, 429);
            case UNAUTHORIZED -> {
                assertThat(reply.status()).as(reply.body()).isEqualTo(401);
                assertThat(reply.contentType()).startsWith("application/problem+json");
                assertThat(reply.json().path("error").asString()).contains("token");
            }
            case FORBIDDEN -> {
                assertThat(reply.status()).as(reply.body()).isEqualTo(403);
                assertThat(reply.contentType()).startsWith("application/problem+json");
                assertThat(reply.json().path("error").asString()).contains("may not call");
            }
        }
    }

    @Test
    void aTokenBoundToADeviceStoresItsEventsButNoneOfABatchWithAnotherDevicesEvent() {
        String own = Samples.withDevice(Samples.lines().get(0), BOUND_DEVICE);
        String other = Samples.withDevice(Samples.lines().get(1), BOUND_DEVICE + 1);

        Answer mixed = store(TestTokens.DEVICE_1, own + "\n" + own + "\n" + other + "\n");
        Answer alone = store(TestTokens.DEVICE_1, own + "\n");

        assertThat(mixed.status()).isEqualTo(403);
        assertThat(mixed.contentType()).startsWith("application/problem+json");
        assertThat(mixed.json().path("event").asInt()).isEqualTo(3);
        assertThat(mixed.json().path("error").asString())
                .contains("event 3", "device ID=" + (BOUND_DEVICE + 1), "ID=" + BOUND_DEVICE, "nothing was stored");
        assertThat(alone.status()).isEqualTo(200);
        assertThat(storedOf(BOUND_DEVICE)).isEqualTo(1);
        assertThat(storedOf(BOUND_DEVICE + 1)).isZero();
    }

    @Test
    void tooManyEventsAnswer429WithRetryAfterAndStoreNothing() {
        long device = Samples.newDevice();
        List<String> lines = Samples.linesOfDevice(device);
        String twenty = String.join("\n", lines.subList(0, 20));
        String ten = String.join("\n", lines.subList(20, 30));

        Answer first = store(DEVICE_LIMITED, twenty);
        Answer second = store(DEVICE_LIMITED, ten);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(429);
        assertThat(Long.parseLong(second.header("Retry-After"))).isPositive();
        assertThat(second.body()).contains("too many events", "nothing was stored");
        assertThat(storedOf(device)).isEqualTo(20);
    }

    @Test
    void tooManyRequestsAnswer429WithRetryAfter() {
        Answer refused = null;
        // The reader's bucket holds 30 requests and gains one a second: within 100 requests it runs dry.
        for (int i = 0; i < 100 && refused == null; i++) {
            Answer reply = call("GET", "/events/count", READER_LIMITED);
            if (reply.status() == 429) {
                refused = reply;
            } else {
                assertThat(reply.status()).isEqualTo(200);
            }
        }

        assertThat(refused).isNotNull();
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("too many requests");
    }

    @Test
    void tokensNeverAppearInTheLog(CapturedOutput output) {
        List<String> tokens = List.of(
                TestTokens.DEVICE,
                TestTokens.DEVICE_1,
                TestTokens.READER,
                TestTokens.ADMIN,
                TestTokens.UNKNOWN,
                ISSUER.jwt("admin"),
                ISSUER.jwtOfAnotherIssuer("admin"));
        for (String token : tokens) {
            call("POST", "/log/store", token);
            call("GET", "/events/count", token);
            call("POST", "/clusters/recompute", token);
        }

        assertThat(output.getAll()).contains("Security mode tokens");
        for (String token : tokens) {
            assertThat(output.getAll()).doesNotContain(token);
        }
    }

    private long storedOf(long device) {
        Answer page = call("GET", "/events?device=" + device, TestTokens.ADMIN);
        assertThat(page.status()).isEqualTo(200);
        return page.json().path("total_elements").asLong();
    }

    private Answer store(String token, String body) {
        return http.withToken("POST", "/log/store", body, token);
    }

    /** A store carries the sample's first line. */
    private Answer call(String method, String path, String token) {
        return http.withToken(
                method, path, path.equals("/log/store") ? Samples.lines().get(0) : null, token);
    }
}
