package io.energysensors.benchmarks.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (KRaft mode, one node, from spring-kafka-test) for benchmarks/kafka.sh: the
 * machine reaches no Kafka download, and Debian packages none. Creates the topics named by the
 * arguments after the first, each with 4 partitions, writes the bootstrap servers to the file
 * named by the first argument and runs until killed.
 */
public final class EmbeddedKafkaServer {

    private static final int PARTITIONS = 4;

    private EmbeddedKafkaServer() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        for (int i = 1; i < args.length; i++) {
            broker.addTopics(new NewTopic(args[i], PARTITIONS, (short) 1));
        }
        Path file = Path.of(args[0]);
        Path written = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), broker.getBrokersAsString());
        // Renamed into place so a reader never sees half an address.
        Files.move(written, file);
        Thread.currentThread().join();
    }
}
