package io.energysensors.logservice.events;

import java.time.Instant;

import io.energysensors.format.event.SensorEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A stored {@code SensorEvent} as a JPA entity, read-only: rows are written once by the ingest
 * path's writers, COPY or JDBC batches of the columns {@link EventTable} lists (ids from the
 * sequence in blocks, see V1 migration), and never updated.
 */
@Entity
@Immutable
@Table(name = "sensor_event")
class SensorEventEntity {

    @Id
    private long id;

    private long deviceId;
    private long firmware;
    private long eventCode;
    private Instant measuredAt;
    private boolean coilReversed;

    @Column(name = "active_power_w")
    private double activePowerW;

    private double reactivePowerVar;
    private double apparentPowerVa;

    @Column(name = "line_current_a")
    private double lineCurrentA;

    @Column(name = "line_voltage_v")
    private double lineVoltageV;

    private double linePhaseRad;
    private double frequencyHz;

    @Convert(converter = Float64ArrayConverter.class)
    private double[] peaks;

    @Convert(converter = Float64ArrayConverter.class)
    @Column(name = "fft_re")
    private double[] fftRe;

    @Convert(converter = Float64ArrayConverter.class)
    @Column(name = "fft_img")
    private double[] fftImg;

    // The first three peaks again, as plain columns for the clustering's reads; mapped only so
    // that the entity describes the whole table (EventTableTests): the view takes them from peaks.
    @Column(name = "peak_0")
    private Double peak0;

    @Column(name = "peak_1")
    private Double peak1;

    @Column(name = "peak_2")
    private Double peak2;

    private double wifiStrengthDbm;
    private double dummy;
    private Instant receivedAt;

    protected SensorEventEntity() {}

    long id() {
        return id;
    }

    /** @param labels the clustering result to take the event's label from */
    EventView toView(ClusterLabels labels) {
        return new EventView(
                id,
                receivedAt,
                new SensorEvent(
                        deviceId,
                        firmware,
                        eventCode,
                        measuredAt,
                        coilReversed,
                        activePowerW,
                        reactivePowerVar,
                        apparentPowerVa,
                        lineCurrentA,
                        lineVoltageV,
                        linePhaseRad,
                        frequencyHz,
                        peaks,
                        fftRe,
                        fftImg,
                        wifiStrengthDbm,
                        dummy),
                labels.labelOf(id));
    }
}
