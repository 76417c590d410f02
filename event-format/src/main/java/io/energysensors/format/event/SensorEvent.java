package io.energysensors.format.event;

import java.time.Instant;

/**
 * The event the log service stores, read from a sensor line (FORMAT.md, "The event the log
 * service needs"). Arrays are never modified after construction.
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
}
