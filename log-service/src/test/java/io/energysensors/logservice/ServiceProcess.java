package io.energysensors.logservice;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The service as a real child JVM, so that it can be killed with SIGKILL like a crashed host. */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final TestServer server;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.server = new TestServer(port);
    }

    /** Starts the service with these arguments and returns once it answers GET /events/count. */
    public static ServiceProcess start(Path log, List<String> arguments) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return launch(
                log,
                List.of(
                        java,
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LogServiceApplication.class.getName()),
                arguments);
    }

    /**
     * Starts the packaged jar the way users do, with {@code scripts/run-service} (which needs a
     * {@code package} first), and returns once it answers GET /events/count.
     */
    public static ServiceProcess startPackaged(Path log, List<String> arguments) throws IOException {
        Path script = Path.of("..", "scripts", "run-service").toAbsolutePath().normalize();
        return launch(log, List.of("bash", script.toString(), "log-service"), arguments);
    }

    private static ServiceProcess launch(Path log, List<String> launcher, List<String> arguments) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("--server.port=" + port, "--spring.main.banner-mode=off"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ServiceProcess started = new ServiceProcess(process, log, port);
        started.awaitUp();
        return started;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public TestServer server() {
        return server;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no graceful close of connections or the database. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the service survived SIGKILL for 30 s");
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void awaitUp() {
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .ignoreException(UncheckedIOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the service exited:\n" + Files.readString(log));
                    }
                    return server.get("/events/count").status() == 200;
                });
    }
}
