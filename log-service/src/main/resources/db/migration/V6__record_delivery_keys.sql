-- The keys of stored deliveries (ingest/DeliveryKeys): an HTTP Idempotency-Key, or the hash of an
-- MQTT message's content. Written by the transaction that stores the delivery's events, so a key
-- is recorded exactly when its events are; a repeat finds it and stores nothing. Only hashes are
-- kept. One migration for H2 and PostgreSQL, as V1.
CREATE TABLE delivery_key (
    door        VARCHAR(16)              NOT NULL,
    key_hash    CHAR(64)                 NOT NULL,
    -- SHA-256 of the content: the same key with another content is refused, not answered.
    fingerprint CHAR(64)                 NOT NULL,
    -- The first delivery's answer: how many events it stored.
    events      INTEGER                  NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (door, key_hash)
);

-- Expired keys are deleted by age in the background.
CREATE INDEX delivery_key_received_idx ON delivery_key (received_at);
