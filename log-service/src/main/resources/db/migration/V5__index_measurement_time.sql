-- GET /events?from=&to= filters on the measurement time: without an index, every such page
-- scanned the table (1.2-1.5 s at a million events). With it, the database reads the events in
-- the range, or walks the primary key newest first when that stops sooner. One migration for
-- H2 and PostgreSQL, as V1. The device filter has sensor_event_device_idx (V1); the dashboard's
-- reads need none (its ingestion figures are kept in memory, its point sample once per run).
CREATE INDEX sensor_event_measured_idx ON sensor_event (measured_at);
