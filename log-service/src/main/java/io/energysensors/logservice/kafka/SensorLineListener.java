package io.energysensors.logservice.kafka;

import java.util.ArrayList;
import java.util.List;

import io.energysensors.logservice.ingest.Delivery;
import io.energysensors.logservice.ingest.IngestOutcome;
import io.energysensors.logservice.ingest.IngestPipeline;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.stereotype.Component;

/**
 * Stores the records of one poll through the ingest pipeline together (one commit where the
 * group commit's size allows), each as POST /log/store would take its body (lines, or the JSON
 * form when it starts with {@code {} or {@code [}) and with its place in the log as delivery key.
 * Returning normally lets the container commit the poll's offsets, so an offset is committed only
 * after its events are; a record stored before a crash or a rebalance and delivered again is a
 * repeat and stores nothing. A failure of the store is thrown, and the container's error handler
 * delivers the batch again after a pause.
 */
@Component
class SensorLineListener implements BatchMessageListener<byte[], byte[]> {

    private static final Logger log = LoggerFactory.getLogger(SensorLineListener.class);

    private final IngestPipeline pipeline;
    private final DeadLetters deadLetters;

    SensorLineListener(IngestPipeline pipeline, DeadLetters deadLetters) {
        this.pipeline = pipeline;
        this.deadLetters = deadLetters;
    }

    @Override
    public void onMessage(List<ConsumerRecord<byte[], byte[]>> records) {
        List<ConsumerRecord<byte[], byte[]>> withValue = new ArrayList<>(records.size());
        List<Delivery> deliveries = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.value() == null) {
                deadLetters.reject(record, "the record has no value");
            } else {
                withValue.add(record);
                deliveries.add(Delivery.sniffed(record.value(), RecordKeys.of(record)));
            }
        }
        List<IngestOutcome> outcomes;
        try {
            outcomes = pipeline.offerAll(deliveries);
        } catch (RuntimeException e) {
            log.warn(
                    "{} Kafka records not stored, held to be tried again after a pause: {}",
                    deliveries.size(),
                    e.getMessage());
            throw e;
        }
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) instanceof IngestOutcome.Rejected rejected) {
                deadLetters.reject(withValue.get(i), rejected.error());
            }
        }
    }
}
