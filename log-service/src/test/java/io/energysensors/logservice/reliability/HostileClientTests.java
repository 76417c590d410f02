package io.energysensors.logservice.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.energysensors.logservice.FreshDataDir;
import io.energysensors.logservice.Samples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A hostile client over real HTTP: huge bodies of bad lines, huge lists, deep pages, uploads that
 * trickle or stall, and readers hammering while writers store. No answer is a 5xx, no answer names
 * an exception class, SQL or a stack frame, writers keep being served, and the heap after the
 * run (after GC, in this JVM, which runs the service) is within 20% of before. The deadline for
 * a body and the server's read timeout are set short, so slow uploads end within seconds.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"energy-sensors.ingest.upload-deadline=1s", "server.tomcat.connection-timeout=2s"})
class HostileClientTests {

    /** What no answer may contain: a class or package name, SQL, a stack frame. */
    private static final Pattern INTERNALS = Pattern.compile("Exception|SQL|\tat |org\\.|java\\.");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LINE = Samples.lines().get(0);
    private static final int WRITERS = 2;
    private static final int READERS = 4;
    private static final int BATCHES_PER_WRITER = 40;
    /** Longest a slow upload may hold its connection here: the 1 s deadline plus the 2 s read timeout, and slack. */
    private static final int SLOW_UPLOAD_BOUND_MS = 15_000;

    @LocalServerPort
    private int port;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final ScheduledExecutorService trickle = Executors.newScheduledThreadPool(2);
    private final AtomicInteger serverErrors = new AtomicInteger();

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws IOException {
        FreshDataDir.register(registry, "hostile");
    }

    @AfterEach
    void stopClients() throws InterruptedException {
        pool.shutdownNow();
        trickle.shutdownNow();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }

    @Test
    void staysWithinItsBoundsAndItsMemoryUnderAHostileClient() throws Exception {
        hostileRound(1024 * 1024);
        long before = heapAfterGc();

        hostileRound(8 * 1024 * 1024);
        long after = heapAfterGc();

        System.out.printf(
                "HostileClientTests: heap after GC %d MB before the run, %d MB after%n", before >> 20, after >> 20);
        assertThat(serverErrors).hasValue(0);
        assertThat((double) after).as("heap after the run").isLessThanOrEqualTo(before * 1.2);
    }

    @Test
    void endsATricklingUploadWith408WhileOtherClientsAreServed() throws Exception {
        CompletableFuture<String> trickling = CompletableFuture.supplyAsync(() -> slowUpload(true), pool);
        CompletableFuture<String> stalled = CompletableFuture.supplyAsync(() -> slowUpload(false), pool);
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> stored =
                    checked(post("text/plain", bytes(Samples.lines().get(i))));
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        }

        // The trickle passes the deadline between two bytes; the stalled upload meets the server's
        // read timeout first, which Tomcat answers with its own 408 problem.
        assertThat(trickling.join())
                .startsWith("HTTP/1.1 408")
                .contains("application/problem+json")
                .contains("energy-sensors.ingest.upload-deadline");
        assertThat(stalled.join()).startsWith("HTTP/1.1 408").contains("application/problem+json");
        for (String answer : List.of(trickling.join(), stalled.join())) {
            assertThat(INTERNALS.matcher(answer).find()).as(answer).isFalse();
        }
    }

    @Test
    void answersEveryHostileRequestInWords() throws Exception {
        String peaks = IntStream.range(0, 100_000).mapToObj(i -> "7." + i).collect(Collectors.joining(";"));
        List<HttpRequest.Builder> requests = new ArrayList<>();
        for (String query : List.of(
                "/events?page=-1",
                "/events?size=0",
                "/events?size=abc",
                "/events?size=1000000",
                "/events?page=99999999999",
                "/events?from=garbage",
                "/events?to=2016-13-45T00:00:00Z",
                "/events?from=2020-01-01T00:00:00Z&to=2010-01-01T00:00:00Z",
                "/events?device=99999999999999999999999",
                "/events/abc",
                "/events/99999999999",
                "/events/count?x=%27;DROP%20TABLE",
                "/clusters/abc",
                "/clusters/99999",
                "/clusters/0/events?page=-5",
                "/dashboard/points?max=-1",
                "/no/such/path",
                "/actuator/env")) {
            requests.add(HttpRequest.newBuilder(uri(query)).GET());
        }
        requests.add(HttpRequest.newBuilder(uri("/events")).DELETE());
        requests.add(HttpRequest.newBuilder(uri("/events")).POST(HttpRequest.BodyPublishers.ofString("x")));
        requests.add(HttpRequest.newBuilder(uri("/log/store")).PUT(HttpRequest.BodyPublishers.ofString(LINE)));
        for (String[] body : new String[][] {
            {"application/xml", "<event/>"},
            {"text/plain; charset=bogus", LINE},
            {"application/json", "{\"Device\": [1,"},
            {"application/json", "[" + "[".repeat(10_000)},
            {"text/plain", "Dead=Beef"},
            {"text/plain", ""},
            {"text/plain", LINE.replace("2016-10-4", "9999-10-4")},
            {"text/plain", LINE.replace("2016-10-4", "0001-10-4")},
            {"text/plain", LINE.replaceFirst("Peaks: [^ ]*;", "Peaks: " + peaks + ";")},
            {"text/plain", LINE.replace("ID=1;", "ID=99999999999999999999;")},
            {"text/plain", "a:1\n".repeat(100_000)}
        }) {
            requests.add(HttpRequest.newBuilder(uri("/log/store"))
                    .header("Content-Type", body[0])
                    .POST(HttpRequest.BodyPublishers.ofString(body[1])));
        }
        for (HttpRequest.Builder request : requests) {
            checked(send(request));
        }
        for (String raw : List.of(
                "GET /events?x=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "POST /log/store HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                        + "Connection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
                "POST /log/store HTTP/1.1\r\nHost: localhost\r\nContent-Length: -5\r\nConnection: close\r\n\r\n",
                "GET /\u00ff HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")) {
            String answer = rawExchange(raw);
            assertThat(answer).matches("(?s)HTTP/1.1 4\\d\\d .*");
            assertThat(INTERNALS.matcher(answer).find()).as(answer).isFalse();
        }
        assertThat(serverErrors).hasValue(0);
    }

    /**
     * One body of {@code errorBodyBytes} of bad lines and a line of 5,000 peaks; then all at once
     * deep pages, a trickling and a stalled upload, and readers hammering while writers store
     * batches of the sample; every writer's batch is stored.
     */
    private void hostileRound(int errorBodyBytes) throws Exception {
        HttpResponse<String> errors = checked(post("text/plain", bytes("a:1\n".repeat(errorBodyBytes / 4))));
        assertThat(errors.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(errors.body());
        assertThat(problem.get("errors").size()).isEqualTo(100);
        assertThat(problem.get("errors_omitted").asLong()).isPositive();
        assertThat(errors.body().length())
                .as("the answer to millions of bad lines")
                .isLessThan(64 * 1024);
        // 5,000 peaks: within a line's byte limit, beyond the list limit.
        String peaks = IntStream.range(0, 5_000).mapToObj(i -> "7." + i).collect(Collectors.joining(";"));
        assertThat(checked(post("text/plain", bytes(LINE.replaceFirst("Peaks: [^ ]*;", "Peaks: " + peaks + ";"))))
                        .statusCode())
                .isEqualTo(400);

        AtomicBoolean writing = new AtomicBoolean(true);
        List<CompletableFuture<?>> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            int reader = r;
            readers.add(CompletableFuture.runAsync(() -> hammer(reader, writing), pool));
        }
        List<CompletableFuture<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(CompletableFuture.runAsync(this::write, pool));
        }
        List<CompletableFuture<String>> slow = List.of(
                CompletableFuture.supplyAsync(() -> slowUpload(true), pool),
                CompletableFuture.supplyAsync(() -> slowUpload(false), pool));
        checked(send(
                HttpRequest.newBuilder(uri("/events?page=1000000&size=1000")).GET()));
        checked(send(
                HttpRequest.newBuilder(uri("/clusters/0/events?page=1000000")).GET()));

        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();
        writing.set(false);
        CompletableFuture.allOf(readers.toArray(CompletableFuture[]::new)).join();
        for (CompletableFuture<String> upload : slow) {
            assertThat(upload.join()).startsWith("HTTP/1.1 408");
        }
    }

    private void write() {
        for (int batch = 0; batch < BATCHES_PER_WRITER; batch++) {
            int first = (batch * 10) % (Samples.lines().size() - 10);
            HttpResponse<String> stored = checked(post(
                    "text/plain", bytes(String.join("\n", Samples.lines().subList(first, first + 10)))));
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        }
    }

    private void hammer(int reader, AtomicBoolean writing) {
        List<String> paths = List.of(
                "/events?size=1000",
                "/events?page=100000",
                "/events/count",
                "/clusters/summary",
                "/dashboard/points",
                "/dashboard/ingestion",
                "/events?from=2016-10-04T00:00:00Z&to=2016-10-05T00:00:00Z&size=1000");
        for (int i = reader; writing.get(); i++) {
            checked(send(
                    HttpRequest.newBuilder(uri(paths.get(i % paths.size()))).GET()));
        }
    }

    /**
     * A raw upload of a declared 100,000 bytes that either trickles one byte every 200 ms or sends
     * nothing after its headers; returns the server's whole answer, read until it closes the
     * connection.
     */
    private String slowUpload(boolean trickling) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(SLOW_UPLOAD_BOUND_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /log/store HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                            + "Content-Length: 100000\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ScheduledFuture<?> feeder =
                    trickling ? trickle.scheduleAtFixedRate(() -> feed(out), 200, 200, TimeUnit.MILLISECONDS) : null;
            try {
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            } finally {
                if (feeder != null) {
                    feeder.cancel(false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One more byte; once the server has closed the connection, the failure ends the schedule. */
    private static void feed(OutputStream out) {
        try {
            out.write('a');
            out.flush();
        } catch (IOException closed) {
            throw new UncheckedIOException(closed);
        }
    }

    private String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(SLOW_UPLOAD_BOUND_MS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readNBytes(64 * 1024), StandardCharsets.ISO_8859_1);
        }
    }

    /** Counts a 5xx; a refusal must be problem JSON in words. */
    private HttpResponse<String> checked(HttpResponse<String> response) {
        String what = response.request().method() + " " + response.request().uri() + " -> " + response.statusCode()
                + " " + abbreviate(response.body());
        if (response.statusCode() >= 500) {
            serverErrors.incrementAndGet();
            System.out.println("HostileClientTests: server error " + what);
        }
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(what)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(INTERNALS.matcher(response.body()).find()).as(what).isFalse();
        }
        return response;
    }

    private HttpResponse<String> post(String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri("/log/store"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(
                    request.timeout(Duration.ofMinutes(3)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    /** The least heap in use over a few full collections: what the service holds, not its garbage. */
    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
