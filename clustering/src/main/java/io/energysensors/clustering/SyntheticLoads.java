package io.energysensors.clustering;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * A deterministic generator of appliance-like load events in the 8-feature space of the sensor
 * sample, for benchmarks and tests only: any size, same seed, same points, on every JVM.
 *
 * <p>Features, in the sample's order: active power (W), reactive power (var), apparent power
 * (VA), line current (A), line voltage (V) and three current peaks (A). Most events sit in one of
 * six load states (standby, fridge, and four heating levels, with the sample's rough proportions)
 * with noisy power; one in twenty is a transition anywhere between 80 W and 3800 W. Reactive
 * power, apparent power and voltage are constant, as in the sample; current follows active power
 * and the peaks follow the current.
 */
public final class SyntheticLoads {

    private static final int FEATURES = 8;
    private static final double REACTIVE_VAR = 279;
    private static final double APPARENT_VA = 403;
    private static final double VOLTAGE_V = 230.08;
    private static final double TRANSITION_SHARE = 0.05;
    private static final double[] STATE_WATTS = {80, 270, 1240, 1715, 2300, 3590};
    private static final double[] STATE_SPREAD_WATTS = {4, 15, 40, 50, 60, 80};
    private static final double[] STATE_SHARE = {0.04, 0.33, 0.15, 0.29, 0.15, 0.04};

    private SyntheticLoads() {}

    /**
     * @param count how many events, at least 0
     * @param seed the same seed gives the same events
     */
    public static Points generate(int count, int seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        RandomGenerator random = new Well19937c(seed);
        double[] coordinates = new double[count * FEATURES];
        for (int i = 0; i < count; i++) {
            writeEvent(random, activePower(random), coordinates, i * FEATURES);
        }
        return new Points(coordinates, FEATURES);
    }

    private static double activePower(RandomGenerator random) {
        if (random.nextDouble() < TRANSITION_SHARE) {
            return Math.rint(80 + random.nextDouble() * 3720);
        }
        int state = pickState(random.nextDouble());
        double watts = STATE_WATTS[state] + random.nextGaussian() * STATE_SPREAD_WATTS[state];
        return Math.max(1, Math.rint(watts));
    }

    private static int pickState(double uniform) {
        double cumulative = 0;
        for (int state = 0; state < STATE_SHARE.length - 1; state++) {
            cumulative += STATE_SHARE[state];
            if (uniform < cumulative) {
                return state;
            }
        }
        return STATE_SHARE.length - 1;
    }

    private static void writeEvent(RandomGenerator random, double watts, double[] row, int offset) {
        double current = watts / 242 + 0.2 + random.nextGaussian() * 0.03;
        row[offset] = watts;
        row[offset + 1] = REACTIVE_VAR;
        row[offset + 2] = APPARENT_VA;
        row[offset + 3] = current;
        row[offset + 4] = VOLTAGE_V;
        for (int peak = 0; peak < 3; peak++) {
            row[offset + 5 + peak] = current * (1 + random.nextGaussian() * 0.03) + 0.5;
        }
    }
}
