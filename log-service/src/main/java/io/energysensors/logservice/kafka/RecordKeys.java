package io.energysensors.logservice.kafka;

import io.energysensors.logservice.ingest.DeliveryKey;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record's place in the log is its delivery key: topic, partition and offset name exactly one
 * record, so a record delivered again after a crash or a rebalance is recognised for certain,
 * while two records with equal content are both stored (a content hash could not tell them from
 * a redelivery). The record's timestamp joins them because a topic deleted and created again
 * starts its offsets at 0 anew.
 */
final class RecordKeys {

    static final String DOOR = "kafka";

    private RecordKeys() {}

    static DeliveryKey of(ConsumerRecord<?, byte[]> record) {
        String place = record.topic() + '/' + record.partition() + '/' + record.offset() + '@' + record.timestamp();
        return DeliveryKey.chosen(DOOR, place, record.value());
    }
}
