package io.energysensors.clustering;

import org.apache.commons.math3.random.MersenneTwister;

/**
 * The part of numpy's legacy {@code RandomState(seed)} that {@code estimate_bandwidth} uses: its
 * {@code permutation(n)}. The generator is MT19937 seeded by {@code init_genrand(seed)}, which is
 * what Commons Math's {@link MersenneTwister#MersenneTwister(int)} does for seeds below 2^31; the
 * shuffle is numpy's legacy Fisher-Yates with bounded masked rejection sampling, ported so that
 * the same seed picks the same points as scikit-learn.
 */
final class NumpyRandomState {

    private final MersenneTwister twister;

    /** @param seed numpy seed, 0 to 2^31 - 1 (range checked by the caller) */
    NumpyRandomState(int seed) {
        this.twister = new MersenneTwister(seed);
    }

    /** The next raw 32-bit output of MT19937, as an unsigned value. */
    long nextUnsignedInt() {
        return twister.nextInt() & 0xFFFF_FFFFL;
    }

    /** numpy's {@code permutation(n)}: 0 .. n-1 shuffled from the last position down. */
    int[] permutation(int n) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = randomInterval(i);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }

    /**
     * A uniform integer in [0, max]: numpy masks raw draws to the smallest all-ones mask covering
     * max and rejects those above max, so both the values and the number of draws consumed must
     * match it exactly.
     */
    private int randomInterval(int max) {
        long mask = Integer.highestOneBit(max) * 2L - 1;
        long value;
        do {
            value = nextUnsignedInt() & mask;
        } while (value > max);
        return (int) value;
    }
}
