import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for parse-service and log-service in scripts/test_clients.sh, so that the demo
 * clients are tested without building the services. Listens on a free loopback port and prints
 * it. Like the real services it takes one line or many per text/plain body, answers parse
 * requests with one JSON object or an array, and refuses a bad body whole with 400 problem JSON;
 * a line is bad here when it contains "BAD". The first request after a reset is answered 503
 * with Retry-After: 0, to exercise the clients' retries.
 *
 * POST /log/parse, POST /log/store: as above.
 * POST /unavailable: always 503.
 * POST /reset?delay=MS: clears the counters; every later request is held MS milliseconds.
 * POST /reset?token=T: clears the counters; like a service in tokens mode, every later request
 *   without "Authorization: Bearer T" is answered 401.
 * GET /stats: the counters as one line of key=value pairs.
 */
public final class FakeServices {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong parseRequests = new AtomicLong();
    private final AtomicLong storeRequests = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean firstAnswered = new AtomicBoolean();
    /** Store requests that carried an Idempotency-Key, and the distinct keys among them. */
    private final AtomicLong keyedStores = new AtomicLong();
    private final Set<String> storeKeys = ConcurrentHashMap.newKeySet();
    private volatile long delayMillis;
    private volatile String requiredToken;

    public static void main(String[] args) throws IOException {
        // Without it the server's two writes per answer meet the client's delayed ACK: 40 ms each.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        FakeServices fake = new FakeServices();
        server.createContext("/", fake::handle);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        System.out.println(server.getAddress().getPort());
        System.out.flush();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readAll(exchange.getRequestBody());
            String path = exchange.getRequestURI().getPath();
            Reply reply;
            if (path.equals("/stats")) {
                reply = new Reply(200, "text/plain", stats());
            } else if (path.equals("/reset")) {
                reset(exchange.getRequestURI().getQuery());
                reply = new Reply(204, null, "");
            } else {
                reply = serve(exchange, path, body);
            }
            reply.send(exchange);
        }
    }

    /** Leaves the in-flight count before answering, so a client's next request never overlaps it. */
    private Reply serve(HttpExchange exchange, String path, byte[] body) {
        requests.incrementAndGet();
        clientPorts.add(exchange.getRemoteAddress().getPort());
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        if (path.equals("/log/parse")) {
            parseRequests.incrementAndGet();
        } else if (path.equals("/log/store")) {
            storeRequests.incrementAndGet();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key != null) {
                keyedStores.incrementAndGet();
                storeKeys.add(key);
            }
        }
        try {
            hold();
            if (path.equals("/unavailable") || firstAnswered.compareAndSet(false, true)) {
                unavailable.incrementAndGet();
                exchange.getResponseHeaders().add("Retry-After", "0");
                return Reply.problem(503, "busy, try again");
            }
            String token = requiredToken;
            if (token != null
                    && !("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                return Reply.problem(401, "this endpoint needs a bearer token");
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                return Reply.problem(405, "POST only");
            }
            String text = new String(body, StandardCharsets.UTF_8);
            String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (path.equals("/log/parse")) {
                return parse(contentType, text);
            }
            if (path.equals("/log/store")) {
                return store(contentType, text);
            }
            return Reply.problem(404, "no such endpoint " + path);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private Reply parse(String contentType, String text) {
        if (!contentType.startsWith("text/plain")) {
            return Reply.problem(415, "expected text/plain, got " + contentType);
        }
        List<String> lines = lines(text);
        Reply refusal = refusal(lines);
        if (refusal != null) {
            return refusal;
        }
        List<String> events = new ArrayList<>();
        for (String line : lines) {
            events.add("{\"line\":\"" + escape(line) + "\"}");
        }
        String json = events.size() == 1 ? events.get(0) : "[" + String.join(",", events) + "]";
        return new Reply(200, "application/json", json);
    }

    private Reply store(String contentType, String text) {
        int count;
        if (contentType.startsWith("text/plain")) {
            List<String> lines = lines(text);
            Reply refusal = refusal(lines);
            if (refusal != null) {
                return refusal;
            }
            count = lines.size();
        } else if (contentType.startsWith("application/json")) {
            String json = text.strip();
            if (!json.startsWith("{\"line\":") && !json.startsWith("[{\"line\":")) {
                rejected.incrementAndGet();
                return Reply.problem(400, "not what parse-service answers: " + json);
            }
            count = json.split("\\{\"line\":", -1).length - 1;
        } else {
            return Reply.problem(415, "expected text/plain or application/json, got " + contentType);
        }
        stored.addAndGet(count);
        return new Reply(200, "application/json", "{}");
    }

    private Reply refusal(List<String> lines) {
        if (lines.isEmpty()) {
            rejected.incrementAndGet();
            return Reply.problem(400, "no line in the body");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("BAD")) {
                rejected.incrementAndGet();
                return Reply.problem(400, "line " + (i + 1) + ": column 1: BAD is not a section");
            }
        }
        return null;
    }

    private String stats() {
        return "requests=" + requests + " parse=" + parseRequests + " store=" + storeRequests
                + " unavailable=" + unavailable + " stored=" + stored + " rejected=" + rejected
                + " connections=" + clientPorts.size() + " maxInFlight=" + maxInFlight
                + " keyed=" + keyedStores + " keys=" + storeKeys.size() + "\n";
    }

    private void reset(String query) {
        delayMillis = query != null && query.startsWith("delay=") ? Long.parseLong(query.substring(6)) : 0;
        requiredToken = query != null && query.startsWith("token=") ? query.substring(6) : null;
        for (AtomicLong counter :
                List.of(requests, parseRequests, storeRequests, unavailable, stored, rejected, keyedStores)) {
            counter.set(0);
        }
        storeKeys.clear();
        maxInFlight.set(0);
        clientPorts.clear();
        firstAnswered.set(false);
    }

    private void hold() {
        if (delayMillis == 0) {
            return;
        }
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

record Reply(int status, String contentType, String body) {

    static Reply problem(int status, String message) {
        String json = "{\"type\":\"about:blank\",\"status\":" + status + ",\"detail\":\""
                + FakeServices.escape(message) + "\",\"error\":\"" + FakeServices.escape(message) + "\"}";
        return new Reply(status, "application/problem+json", json);
    }

    void send(HttpExchange exchange) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
