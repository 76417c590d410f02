package io.energysensors.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.energysensors.logservice.OnH2;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A repeat's lookup finds its keys through the hash index, on the service's own H2 schema. Through
 * the primary key (door, key_hash) H2 walked every key of the door for each lookup, so a Kafka or
 * MQTT door slowed down as its keys piled up.
 */
class DeliveryKeyLookupTests extends OnH2 {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void lookupOfAChunkOfHashesUsesTheHashIndex() {
        String plan = jdbc.queryForObject(
                "EXPLAIN " + DeliveryKeys.lookup(3), String.class, "a".repeat(64), "b".repeat(64), "c".repeat(64));

        assertThat(plan).containsIgnoringCase("DELIVERY_KEY_HASH_IDX");
    }
}
