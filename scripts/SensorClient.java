import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo clients {@code scripts/send_events} and {@code scripts/send_distributed_events} in one
 * single-file program, so that they run on a bare JDK with nothing to build: the wrappers pass
 * their own name first, which picks the route a line takes (straight to log-service, or through
 * parse-service first). parse-service's JSON answer is forwarded as it is, unread.
 */
public final class SensorClient {

    static final int EXIT_OK = 0;
    static final int EXIT_REJECTED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_UNREACHABLE = 3;

    public static void main(String[] args) throws InterruptedException {
        Route route = args.length == 0 ? null : Route.byName(args[0]);
        if (route == null) {
            System.err.println("SensorClient is started by scripts/send_events or scripts/send_distributed_events");
            System.exit(EXIT_USAGE);
        }
        Options options;
        try {
            options = Options.parse(route, List.of(args).subList(1, args.length));
        } catch (UsageException e) {
            System.err.println(route.name + ": " + e.getMessage());
            System.err.println("Try '" + route.name + " --help'.");
            System.exit(EXIT_USAGE);
            return;
        }
        if (options == null) {
            System.out.print(route.usage());
            System.exit(EXIT_OK);
        }
        try {
            System.exit(new Run(options).execute());
        } catch (NoSuchFileException e) {
            System.err.println(route.name + ": no such file: " + options.file());
        } catch (IOException e) {
            System.err.println(route.name + ": cannot read " + options.file() + ": " + e);
        }
        System.exit(EXIT_USAGE);
    }
}

/** Which services a line passes through; the wrappers' names select one. */
enum Route {
    DIRECT("send_events", "STORE_URL FILE", """
            Sends each line of FILE as text/plain to STORE_URL (log-service, POST /log/store).
            With --batch N, N lines go in one request body, one per text line; log-service stores
            a body whole or, if any line is bad, not at all.
            """),
    DISTRIBUTED("send_distributed_events", "PARSE_URL STORE_URL FILE", """
            Sends each line of FILE as text/plain to PARSE_URL (parse-service, POST /log/parse) and
            forwards its JSON answer to STORE_URL (log-service, POST /log/store) as application/json.
            With --batch N, N lines go in one request body, one per text line; parse-service answers
            them as one JSON array, forwarded as it is, and each service takes or refuses a body whole.
            """);

    final String name;
    final String operands;
    final String purpose;

    Route(String name, String operands, String purpose) {
        this.name = name;
        this.operands = operands;
        this.purpose = purpose;
    }

    static Route byName(String name) {
        return Arrays.stream(values()).filter(route -> route.name.equals(name)).findFirst().orElse(null);
    }

    int urlCount() {
        return this == DIRECT ? 1 : 2;
    }

    String usage() {
        return "usage: " + name + " [options] " + operands + "\n\n" + purpose + """
                Blank lines are skipped.

                options:
                  --batch N          lines per request (default 1)
                  --concurrency N    requests in flight at once (default 1)
                  --retries N        retries of a request after a connection error or a 503 answer,
                                     waiting Retry-After seconds when given, else 0.2 s doubling up
                                     to 10 s (default 5); each batch goes to log-service with an
                                     Idempotency-Key, the same on every retry, so it is stored once
                  --timeout SECONDS  longest wait for one answer (default 30)
                  --progress-every SECONDS
                                     how often a progress line is printed when stdout is not a
                                     terminal (default 5)
                  --token TOKEN      bearer token for services in tokens mode (default: the
                                     ENERGY_SENSORS_TOKEN environment variable; none when unset,
                                     as services in local mode need none)
                  --quiet            no progress output, only errors and the final line
                  --help             this text

                Progress: a bar with rate and ETA on a terminal, else a line now and then. The final
                line counts lines: stored (2xx), rejected (4xx: the service refused them), failed (any
                other answer) and unsent (not delivered because a service could not be reached).

                exit status:
                  0  every line stored
                  1  some lines rejected or failed (the first errors are printed)
                  2  bad arguments or unreadable FILE
                  3  a service could not be reached after the retries; sending stopped
                """;
    }
}

record Options(Route route, List<URI> urls, Path file, int batch, int concurrency, int retries,
        Duration timeout, Duration progressEvery, boolean quiet, String token) {

    static final String TOKEN_VARIABLE = "ENERGY_SENSORS_TOKEN";

    /** Returns null when help was asked for. */
    static Options parse(Route route, List<String> args) throws UsageException {
        Map<String, Integer> numbers = new HashMap<>(
                Map.of("--batch", 1, "--concurrency", 1, "--retries", 5, "--timeout", 30, "--progress-every", 5));
        boolean quiet = false;
        String token = System.getenv(TOKEN_VARIABLE);
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            if (!arg.startsWith("--")) {
                operands.add(arg);
            } else if (name.equals("--help")) {
                return null;
            } else if (name.equals("--quiet")) {
                quiet = true;
            } else if (name.equals("--token")) {
                if (eq < 0 && i + 1 == args.size()) {
                    throw new UsageException(name + " needs a value");
                }
                token = eq > 0 ? arg.substring(eq + 1) : args.get(++i);
            } else if (numbers.containsKey(name)) {
                if (eq < 0 && i + 1 == args.size()) {
                    throw new UsageException(name + " needs a value");
                }
                String value = eq > 0 ? arg.substring(eq + 1) : args.get(++i);
                numbers.put(name, number(name, value, name.equals("--retries") ? 0 : 1));
            } else {
                throw new UsageException("unknown option " + name);
            }
        }
        if (operands.size() != route.urlCount() + 1) {
            throw new UsageException("expected " + route.operands + ", got " + operands.size() + " argument(s)");
        }
        List<URI> urls = new ArrayList<>();
        for (String url : operands.subList(0, route.urlCount())) {
            urls.add(url(url));
        }
        return new Options(route, urls, Path.of(operands.get(operands.size() - 1)), numbers.get("--batch"),
                numbers.get("--concurrency"), numbers.get("--retries"), Duration.ofSeconds(numbers.get("--timeout")),
                Duration.ofSeconds(numbers.get("--progress-every")), quiet,
                token == null || token.isBlank() ? null : token.strip());
    }

    private static int number(String option, String value, int min) throws UsageException {
        try {
            int number = Integer.parseInt(value);
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the option's name
        }
        throw new UsageException(option + " needs a whole number >= " + min + ", got '" + value + "'");
    }

    private static URI url(String text) throws UsageException {
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below with the text at fault
        }
        throw new UsageException("not an http(s) URL: '" + text + "'");
    }
}

final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}

/**
 * Lines numbered from 1 as in FILE. They are kept as ISO-8859-1 text, which maps each byte to one
 * char and back, so the bytes reach the service exactly as the file has them (invalid UTF-8
 * included: judging it is the service's job).
 */
record Batch(long firstLine, List<String> lines) {

    byte[] body() {
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    long bytes() {
        return lines.stream().mapToLong(line -> line.length() + 1).sum();
    }

    String where() {
        long last = firstLine + lines.size() - 1;
        return lines.size() == 1 ? "line " + firstLine : "lines " + firstLine + "-" + last;
    }
}

record Answer(String service, int status, byte[] body) {

    /** The "error" member both services put in their problem JSON, as a string literal. */
    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    boolean ok() {
        return status >= 200 && status < 300;
    }

    boolean rejected() {
        return status >= 400 && status < 500;
    }

    /**
     * The answer for a person to read: the problem's "error" message with its quotes and
     * backslashes unescaped (other JSON escapes stay as they are), else the start of the body.
     */
    String describe() {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        Matcher error = ERROR.matcher(text);
        String message = error.find()
                ? error.group(1).replaceAll("\\\\([\"\\\\/])", "$1")
                : text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return service + " answered " + status + (message.isEmpty() ? "" : ": " + message);
    }
}

/** Thrown when a service stays unreachable after all retries. */
final class UnreachableException extends Exception {
    UnreachableException(String message) {
        super(message);
    }
}

/** Thrown when a request was sent but no answer came in time: it may have been stored. */
final class NoAnswerException extends Exception {
    NoAnswerException(String message) {
        super(message);
    }
}

/** POSTs with keep-alive connections, retrying what is safe to retry. */
final class Sender {

    private static final long FIRST_BACKOFF_MILLIS = 200;
    private static final long MAX_BACKOFF_MILLIS = 10_000;
    private static final long MAX_RETRY_AFTER_SECONDS = 60;

    // HTTP/1.1 because the services speak it; HTTP/2 would cost an upgrade attempt per connection.
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final int retries;
    private final Duration timeout;

    private final String token;

    /** @param token sent as a bearer token; null sends none */
    Sender(int retries, Duration timeout, String token) {
        this.retries = retries;
        this.timeout = timeout;
        this.token = token;
    }

    /**
     * Retries connection errors and 503, when the service has not taken the request. A request
     * that timed out waiting for its answer may have been stored: it is not sent again.
     *
     * @param idempotencyKey sent as Idempotency-Key with every try, so that log-service stores a
     *     batch once even when an answer to a try was lost; null sends none
     */
    Answer post(String service, URI uri, String contentType, byte[] body, String idempotencyKey)
            throws UnreachableException, NoAnswerException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", contentType)
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        HttpRequest request = builder.build();
        for (int attempt = 0; ; attempt++) {
            long waitMillis = backoffMillis(attempt);
            String trouble;
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                Answer answer = new Answer(service, response.statusCode(), response.body());
                if (response.statusCode() != 503) {
                    return answer;
                }
                trouble = answer.describe();
                waitMillis = retryAfterMillis(response, waitMillis);
            } catch (HttpConnectTimeoutException e) {
                trouble = "cannot reach " + service + " at " + uri + ": connect timed out";
            } catch (HttpTimeoutException e) {
                throw new NoAnswerException(service + " gave no answer within " + timeout.toSeconds()
                        + " s (not sent again: it may have stored the lines)");
            } catch (IOException e) {
                trouble = "cannot reach " + service + " at " + uri + ": " + reason(e);
            }
            if (attempt == retries) {
                throw new UnreachableException(trouble + " (gave up after " + retries + " retries)");
            }
            Thread.sleep(waitMillis);
        }
    }

    private static String reason(IOException e) {
        // HttpClient wraps both a refused connection and an unknown host in message-less exceptions.
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        if (cause instanceof ClosedChannelException && e instanceof ConnectException) {
            return "connection refused";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Full jitter, so that concurrent senders do not come back all at once. */
    private static long backoffMillis(int attempt) {
        long ceiling = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(attempt, 20));
        return ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
    }

    /** The services send Retry-After in seconds; anything else falls back to the backoff. */
    private static long retryAfterMillis(HttpResponse<?> response, long backoffMillis) {
        try {
            return response.headers()
                    .firstValue("Retry-After")
                    .map(value -> Math.min(Math.max(Long.parseLong(value.strip()), 0), MAX_RETRY_AFTER_SECONDS))
                    .map(TimeUnit.SECONDS::toMillis)
                    .orElse(backoffMillis);
        } catch (NumberFormatException e) {
            return backoffMillis;
        }
    }
}

/** Counts by outcome and keeps the first errors; shared by the sending threads. */
final class Tally {

    private static final int ERRORS_SHOWN = 5;

    final AtomicLong stored = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong unsent = new AtomicLong();
    final AtomicLong linesDone = new AtomicLong();
    final AtomicLong bytesDone = new AtomicLong();
    private final List<String> errors = new ArrayList<>();
    private int errorCount;

    void record(Batch batch, Answer answer) {
        if (answer.ok()) {
            count(stored, batch);
        } else {
            count(answer.rejected() ? rejected : failed, batch);
            error(batch.where() + ": " + answer.describe());
        }
    }

    void failed(Batch batch, String message) {
        count(failed, batch);
        error(batch.where() + ": " + message);
    }

    void unsent(Batch batch) {
        count(unsent, batch);
    }

    synchronized void error(String message) {
        errorCount++;
        if (errors.size() < ERRORS_SHOWN) {
            errors.add(message);
        }
    }

    long total() {
        return stored.get() + rejected.get() + failed.get() + unsent.get();
    }

    synchronized void printErrors(PrintStream out) {
        errors.forEach(error -> out.println("error: " + error));
        if (errorCount > errors.size()) {
            out.println("error: ... and " + (errorCount - errors.size()) + " more");
        }
    }

    private void count(AtomicLong outcome, Batch batch) {
        outcome.addAndGet(batch.lines().size());
        linesDone.addAndGet(batch.lines().size());
        bytesDone.addAndGet(batch.bytes());
    }
}

/**
 * Shows how far the run is, by bytes of FILE, so that no pass is needed to count its lines first.
 * A terminal gets a bar redrawn in place; a log gets a line every few seconds.
 */
final class Progress {

    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal = System.console() != null;
    private final long fileBytes;
    private final Tally tally;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

    Progress(PrintStream out, long fileBytes, Tally tally) {
        this.out = out;
        this.fileBytes = fileBytes;
        this.tally = tally;
    }

    void start(Duration every) {
        long period = terminal ? 200 : every.toMillis();
        ticker.scheduleAtFixedRate(this::show, period, period, TimeUnit.MILLISECONDS);
    }

    void stop() throws InterruptedException {
        ticker.shutdown();
        ticker.awaitTermination(1, TimeUnit.SECONDS);
        if (terminal) {
            show();
            out.println();
        }
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void show() {
        long lines = tally.linesDone.get();
        double fraction = fileBytes == 0 ? 1 : Math.min(1, (double) tally.bytesDone.get() / fileBytes);
        double seconds = seconds();
        String rate = String.format(Locale.ROOT, "%.0f lines/s", lines / Math.max(seconds, 1e-3));
        String eta = fraction > 0 ? clock(seconds * (1 - fraction) / fraction) : "?";
        if (terminal) {
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            String bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
            out.printf(Locale.ROOT, "\r[%s] %3.0f%%  %d lines  %s  ETA %s ", bar, fraction * 100, lines, rate, eta);
            out.flush();
        } else {
            out.printf(Locale.ROOT, "progress: %.0f%%, %d lines, %s, ETA %s%n", fraction * 100, lines, rate, eta);
        }
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}

/** One pass over FILE: the main thread cuts batches, a bounded pool sends them. */
final class Run {

    private static final String TEXT = "text/plain; charset=UTF-8";
    private static final String JSON = "application/json";

    private final Options options;
    private final Sender sender;
    private final Tally tally = new Tally();
    private final AtomicBoolean stopped = new AtomicBoolean();

    Run(Options options) {
        this.options = options;
        this.sender = new Sender(options.retries(), options.timeout(), options.token());
    }

    int execute() throws IOException, InterruptedException {
        PrintStream out = System.out;
        Progress progress = new Progress(out, Files.size(options.file()), tally);
        if (!options.quiet()) {
            progress.start(options.progressEvery());
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency());
        // Bounds the batches read ahead, so memory does not grow with the size of FILE.
        Semaphore inFlight = new Semaphore(options.concurrency() * 2);
        try (BufferedReader in = Files.newBufferedReader(options.file(), StandardCharsets.ISO_8859_1)) {
            long lineNumber = 0;
            long firstLine = 0;
            List<String> lines = new ArrayList<>(options.batch());
            String line;
            while (!stopped.get() && (line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    tally.bytesDone.addAndGet(line.length() + 1);
                    continue;
                }
                if (lines.isEmpty()) {
                    firstLine = lineNumber;
                }
                lines.add(line);
                if (lines.size() == options.batch()) {
                    submit(pool, inFlight, new Batch(firstLine, lines));
                    lines = new ArrayList<>(options.batch());
                }
            }
            if (!lines.isEmpty() && !stopped.get()) {
                submit(pool, inFlight, new Batch(firstLine, lines));
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        }
        if (!options.quiet()) {
            progress.stop();
        }
        tally.printErrors(out);
        double seconds = progress.seconds();
        out.printf(Locale.ROOT, "stored %d, rejected %d, failed %d, unsent %d of %d lines read in %.1f s (%.0f lines/s)%n",
                tally.stored.get(), tally.rejected.get(), tally.failed.get(), tally.unsent.get(), tally.total(),
                seconds, tally.total() / Math.max(seconds, 1e-3));
        if (tally.unsent.get() > 0) {
            return SensorClient.EXIT_UNREACHABLE;
        }
        return tally.rejected.get() + tally.failed.get() > 0 ? SensorClient.EXIT_REJECTED : SensorClient.EXIT_OK;
    }

    private void submit(ExecutorService pool, Semaphore inFlight, Batch batch) throws InterruptedException {
        inFlight.acquire();
        pool.execute(() -> {
            try {
                deliver(batch);
            } finally {
                inFlight.release();
            }
        });
    }

    private void deliver(Batch batch) {
        if (stopped.get()) {
            tally.unsent(batch);
            return;
        }
        try {
            tally.record(batch, send(batch));
        } catch (UnreachableException e) {
            if (stopped.compareAndSet(false, true)) {
                tally.error(batch.where() + ": " + e.getMessage() + "; stopped sending");
            }
            tally.unsent(batch);
        } catch (NoAnswerException e) {
            tally.failed(batch, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tally.unsent(batch);
        }
    }

    /** One Idempotency-Key per batch, the same on each of its retries. */
    private Answer send(Batch batch) throws UnreachableException, NoAnswerException, InterruptedException {
        URI store = options.urls().get(options.urls().size() - 1);
        String key = UUID.randomUUID().toString();
        if (options.route() == Route.DIRECT) {
            return sender.post("log-service", store, TEXT, batch.body(), key);
        }
        Answer parsed = sender.post("parse-service", options.urls().get(0), TEXT, batch.body(), null);
        return parsed.ok() ? sender.post("log-service", store, JSON, parsed.body(), key) : parsed;
    }
}
