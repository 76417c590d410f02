package io.energysensors.logservice;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft mode, spring-kafka-test) per test JVM, started on first use and
 * stopped when the JVM exits. Each test makes topics of its own ({@link #newTopic}), so tests
 * never read each other's records.
 */
public final class EmbeddedKafkaHolder {

    private static final AtomicInteger TOPICS = new AtomicInteger();
    private static EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafkaHolder() {}

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.afterPropertiesSet();
            EmbeddedKafkaKraftBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
        }
        return broker.getBrokersAsString();
    }

    /** A topic of that many partitions no other test uses; its name starts with {@code prefix}. */
    public static String newTopic(String prefix, int partitions) {
        String name = prefix + "-" + TOPICS.incrementAndGet();
        createTopic(name, partitions);
        return name;
    }

    public static void createTopic(String name, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all()
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("topic " + name + " was not created", e.getCause());
        }
    }

    /** Records of the topic not yet committed by the group (its lag), over all partitions. */
    public static long lag(String topic, String group) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions()
                    .forEach(partition ->
                            latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
            long lag = 0;
            for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the lag of " + group + " on " + topic + " is unknown", e.getCause());
        }
    }

    public static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }
}
