-- How many events are stored, kept by the transaction that stores them (ingest/EventStore), so
-- reading it is one row: COUNT(*) scans the whole table on PostgreSQL, and on H2 too while other
-- transactions are inserting, and the clustering trigger asks after every commit.
CREATE TABLE sensor_event_count (
    id     INTEGER NOT NULL PRIMARY KEY,
    stored BIGINT  NOT NULL
);

INSERT INTO sensor_event_count (id, stored) SELECT 1, COUNT(*) FROM sensor_event;
