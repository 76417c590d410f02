package io.energysensors.format.event;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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

    /** What each of {@link #features()} is, in order (docs/format.md "Clustering features"). */
    public static final List<String> FEATURE_NAMES = List.of(
            "activePowerW",
            "reactivePowerVar",
            "apparentPowerVa",
            "lineCurrentA",
            "lineVoltageV",
            "peak0",
            "peak1",
            "peak2");

    public SensorEvent {
        Objects.requireNonNull(measuredAt, "measuredAt");
        Objects.requireNonNull(peaks, "peaks");
        Objects.requireNonNull(fftRe, "fftRe");
        Objects.requireNonNull(fftImg, "fftImg");
    }

    /**
     * The point this event is in the clustering space, unscaled: active, reactive and apparent
     * power, line current, line voltage and the first three peaks. Empty when there are fewer
     * than three peaks: such an event has no place in that space.
     */
    public Optional<double[]> features() {
        if (peaks.length < 3) {
            return Optional.empty();
        }
        return Optional.of(new double[] {
            activePowerW, reactivePowerVar, apparentPowerVa, lineCurrentA, lineVoltageV, peaks[0], peaks[1], peaks[2],
        });
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
