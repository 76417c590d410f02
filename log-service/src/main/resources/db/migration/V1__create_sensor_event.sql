-- One migration for H2 and PostgreSQL: every type below means the same on both.
-- Ids come from the sequence in blocks of 1000 (EventIdAllocator.BLOCK): one round trip per
-- 1000 inserted rows instead of one per row, which an identity column would cost.
CREATE SEQUENCE sensor_event_id_seq START WITH 1 INCREMENT BY 1000;

CREATE TABLE sensor_event (
    id                 BIGINT                   NOT NULL PRIMARY KEY,
    device_id          BIGINT                   NOT NULL,
    firmware           BIGINT                   NOT NULL,
    event_code         BIGINT                   NOT NULL,
    measured_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    coil_reversed      BOOLEAN                  NOT NULL,
    active_power_w     DOUBLE PRECISION         NOT NULL,
    reactive_power_var DOUBLE PRECISION         NOT NULL,
    apparent_power_va  DOUBLE PRECISION         NOT NULL,
    line_current_a     DOUBLE PRECISION         NOT NULL,
    line_voltage_v     DOUBLE PRECISION         NOT NULL,
    line_phase_rad     DOUBLE PRECISION         NOT NULL,
    frequency_hz       DOUBLE PRECISION         NOT NULL,
    -- Arrays as little-endian IEEE 754 float64, 8 bytes per element (Float64Array).
    peaks              BYTEA                    NOT NULL,
    fft_re             BYTEA                    NOT NULL,
    fft_img            BYTEA                    NOT NULL,
    -- The first three peaks again, so the clustering features are plain columns; null when absent.
    peak_0             DOUBLE PRECISION,
    peak_1             DOUBLE PRECISION,
    peak_2             DOUBLE PRECISION,
    wifi_strength_dbm  DOUBLE PRECISION         NOT NULL,
    dummy              DOUBLE PRECISION         NOT NULL,
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- GET /events pages newest first by id, which the primary key serves; this index serves it for
-- one device. It is the only secondary index: each one costs H2 about a third more per insert.
CREATE INDEX sensor_event_device_idx ON sensor_event (device_id, id);
