package io.energysensors.logservice.events;

import java.time.Instant;

/**
 * One stored event as GET /events returns it; times are ISO-8601 UTC.
 *
 * @param cluster its label in the current clustering result (-1 for an orphan), or null when that
 *     result does not cover it: stored after it was computed, or not placeable (fewer than 3 peaks)
 */
public record EventView(
        long id,
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
        double dummy,
        Instant receivedAt,
        Integer cluster) {
}
