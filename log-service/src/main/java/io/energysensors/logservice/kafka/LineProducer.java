package io.energysensors.logservice.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.LoggerFactory;

/**
 * Publishes the lines of a file to the sensor-lines topic, N lines per record, for
 * {@code scripts/send_events --kafka}: a command in log-service's jar, not a part of the service,
 * because the demo clients run on a bare JDK and the Kafka client is a library. The producer is
 * idempotent with acks=all: a record the broker acknowledged is on every in-sync replica, and a
 * retry after a lost acknowledgement does not write it twice.
 */
public final class LineProducer {

    private static final String USAGE = """
            usage: send_events --kafka BOOTSTRAP_SERVERS [--topic TOPIC] [--batch N] FILE

            Publishes each line of FILE (blank lines skipped) to TOPIC (default sensor-lines),
            N lines per record as one text payload (default 1), for log-service copies that read
            the topic (energy-sensors.kafka.bootstrap-servers). Exits 0 once the broker
            acknowledged every record, 1 if it did not, 2 on bad arguments.
            """;

    private LineProducer() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        // Run outside Spring Boot, logback would log every client detail at DEBUG.
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Arguments arguments = Arguments.parse(args);
        if (arguments == null) {
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        List<String> lines = Files.readAllLines(arguments.file(), StandardCharsets.ISO_8859_1).stream()
                .filter(line -> !line.isBlank())
                .toList();
        try {
            int records = publish(arguments, lines);
            System.out.println("sent " + lines.size() + " lines in " + records + " records to " + arguments.topic());
        } catch (ExecutionException e) {
            System.err.println("send_events: the broker did not take a record: "
                    + e.getCause().getMessage());
            System.exit(1);
        }
    }

    /** Sends every record, then waits for each acknowledgement; returns the records sent. */
    static int publish(Arguments arguments, List<String> lines) throws ExecutionException, InterruptedException {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                arguments.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class);
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            for (int from = 0; from < lines.size(); from += arguments.batch()) {
                String payload =
                        String.join("\n", lines.subList(from, Math.min(from + arguments.batch(), lines.size())));
                sent.add(producer.send(
                        new ProducerRecord<>(arguments.topic(), payload.getBytes(StandardCharsets.ISO_8859_1))));
            }
            producer.flush();
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get();
            }
        }
        return sent.size();
    }

    record Arguments(String bootstrapServers, String topic, int batch, Path file) {

        /** Null when the arguments are not a valid command line. */
        static Arguments parse(String[] args) {
            String bootstrap = null;
            String topic = "sensor-lines";
            int batch = 1;
            Path file = null;
            try {
                for (int i = 0; i < args.length; i++) {
                    switch (args[i]) {
                        case "--kafka" -> bootstrap = args[++i];
                        case "--topic" -> topic = args[++i];
                        case "--batch" -> batch = Integer.parseInt(args[++i]);
                        default -> {
                            if (args[i].startsWith("--") || file != null) {
                                return null;
                            }
                            file = Path.of(args[i]);
                        }
                    }
                }
            } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
                return null;
            }
            return bootstrap == null || file == null || batch < 1 ? null : new Arguments(bootstrap, topic, batch, file);
        }
    }
}
