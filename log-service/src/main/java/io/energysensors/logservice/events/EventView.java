package io.energysensors.logservice.events;

import java.time.Instant;

/** One stored event as GET /events returns it; times are ISO-8601 UTC. */
record EventView(
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
        Instant receivedAt) {
}
