-- Memberships stored compactly, one row per run (and per chunk of up to a million events) instead
-- of one row per event: a run writes a few hundred kilobytes in one statement where it deleted
-- and inserted a row per event. One migration for H2 and PostgreSQL, as V1.

-- members: the events in ascending id order, each as two unsigned LEB128 varints, its id's
-- difference to the previous id (the chunk's first id zigzag-encoded whole) and its label + 1
-- (clusters/MembershipCodec). A run replaces the previous run's rows in its own transaction and
-- points clustering_state at itself, so one statement joining the two reads one result whole.
CREATE TABLE cluster_membership (
    run_id      BIGINT  NOT NULL,
    chunk       INTEGER NOT NULL,
    event_count INTEGER NOT NULL,
    members     BYTEA   NOT NULL,
    PRIMARY KEY (run_id, chunk)
);

DROP TABLE cluster_member;

-- The current result's labels are not carried over: let the count check at the next start run
-- again over the whole store (a store with fewer than every-events events gets labels from the
-- next run, as it would have).
UPDATE clustering_trigger SET last_count = 0 WHERE id = 1;
