-- How a run computed its result: FULL clustered its scope anew; ASSIGNMENT only assigned the events
-- stored since the result before it to that result's centers (energy-sensors.clustering.assign-below).
-- Every run before this migration was a full one.
ALTER TABLE clustering_run ADD COLUMN kind VARCHAR(16) DEFAULT 'FULL' NOT NULL;
