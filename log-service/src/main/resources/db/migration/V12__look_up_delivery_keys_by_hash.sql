-- A repeat is looked up by its key's hash (ingest/DeliveryKeys). The primary key (door, key_hash)
-- could not serve that on H2: every key of a door shares its first column, so H2 walked all of
-- the door's keys for each lookup, and a Kafka or MQTT door slowed down as its keys piled up
-- (144 records/s into H2 after 130,000, from thousands at the start). One migration for H2 and
-- PostgreSQL, as V1.
CREATE INDEX delivery_key_hash_idx ON delivery_key (key_hash);
