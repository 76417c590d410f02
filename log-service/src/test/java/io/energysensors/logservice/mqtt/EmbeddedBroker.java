package io.energysensors.logservice.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;

/**
 * A Moquette MQTT broker in the test JVM, on a port chosen once, with its sessions and queues in
 * files: stopped and started again on the same port, it keeps what it held, as Mosquitto with
 * persistence does.
 */
final class EmbeddedBroker {

    private final int port;
    private final Path dataDir;
    private Server server;

    EmbeddedBroker() {
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
            this.dataDir = Files.createTempDirectory("moquette-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "tcp://localhost:" + port;
    }

    synchronized void start() {
        Properties config = new Properties();
        config.setProperty("host", "localhost");
        config.setProperty("port", Integer.toString(port));
        config.setProperty("websocket_port", "disabled");
        config.setProperty("allow_anonymous", "true");
        config.setProperty("persistence_enabled", "true");
        config.setProperty("data_path", dataDir.toString());
        // Moquette refuses messages over 8 KB by default; a multi-line message of the sample is larger.
        config.setProperty("netty.mqtt.message_size", Integer.toString(16 * 1024 * 1024));
        server = new Server();
        try {
            server.startServer(new MemoryConfig(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops the door's connection, as a network failure would; its session and queue stay. */
    synchronized void cutDoorConnection() {
        server.disconnectClient("energy-sensors-log-service");
    }

    synchronized void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }
}
