package io.energysensors.format.event;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The event the log service stores, read from a sensor line (docs/format.md, "The event the log
 * service needs"). Arrays are never modified after construction; equality compares their
 * contents.
 */
public record SensorEvent(
        long deviceId,
        long firmware,
        long eventCode,
        Instant measuredAt,
        boolean coilReversed,
        double activePowerW,
        double reactivePowerVar,
        double apparentPowerVa,
        double lineCurrentA,
        double lineVoltageV,
        double linePhaseRad,
        double frequencyHz,
        double[] peaks,
        double[] fftRe,
        double[] fftImg,
        double wifiStrengthDbm,
        double dummy) {

    public SensorEvent {
        Objects.requireNonNull(measuredAt, "measuredAt");
        Objects.requireNonNull(peaks, "peaks");
        Objects.requireNonNull(fftRe, "fftRe");
        Objects.requireNonNull(fftImg, "fftImg");
    }

    /**
     * The point this event is in the clustering space, unscaled, one value per {@link Feature} in
     * its order. Empty when there are fewer than three peaks: such an event has no place in that
     * space.
     */
    public Optional<double[]> features() {
        if (peaks.length < Feature.PEAKS_NEEDED) {
            return Optional.empty();
        }
        double[] point = new double[Feature.COUNT];
        for (Feature feature : Feature.ALL) {
            point[feature.ordinal()] = feature.of(this);
        }
        return Optional.of(point);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SensorEvent that
                && deviceId == that.deviceId
                && firmware == that.firmware
                && eventCode == that.eventCode
                && measuredAt.equals(that.measuredAt)
                && coilReversed == that.coilReversed
                && Double.compare(activePowerW, that.activePowerW) == 0
                && Double.compare(reactivePowerVar, that.reactivePowerVar) == 0
                && Double.compare(apparentPowerVa, that.apparentPowerVa) == 0
                && Double.compare(lineCurrentA, that.lineCurrentA) == 0
                && Double.compare(lineVoltageV, that.lineVoltageV) == 0
                && Double.compare(linePhaseRad, that.linePhaseRad) == 0
                && Double.compare(frequencyHz, that.frequencyHz) == 0
                && Arrays.equals(peaks, that.peaks)
                && Arrays.equals(fftRe, that.fftRe)
                && Arrays.equals(fftImg, that.fftImg)
                && Double.compare(wifiStrengthDbm, that.wifiStrengthDbm) == 0
                && Double.compare(dummy, that.dummy) == 0;
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(
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
                wifiStrengthDbm,
                dummy);
        return 31 * (31 * (31 * hash + Arrays.hashCode(peaks)) + Arrays.hashCode(fftRe)) + Arrays.hashCode(fftImg);
    }

    @Override
    public String toString() {
        return "SensorEvent[deviceId=" + deviceId + ", firmware=" + firmware + ", eventCode=" + eventCode
                + ", measuredAt=" + measuredAt + ", coilReversed=" + coilReversed
                + ", activePowerW=" + activePowerW + ", reactivePowerVar=" + reactivePowerVar
                + ", apparentPowerVa=" + apparentPowerVa + ", lineCurrentA=" + lineCurrentA
                + ", lineVoltageV=" + lineVoltageV + ", linePhaseRad=" + linePhaseRad
                + ", frequencyHz=" + frequencyHz + ", peaks=" + Arrays.toString(peaks)
                + ", fftRe=" + Arrays.toString(fftRe) + ", fftImg=" + Arrays.toString(fftImg)
                + ", wifiStrengthDbm=" + wifiStrengthDbm + ", dummy=" + dummy + "]";
    }
}
