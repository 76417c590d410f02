package io.energysensors.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class PairwiseSumTests {

    @Test
    void addsFewerThanEightValuesLeftToRight() {
        // 1e16 + 1 rounds back to 1e16 (ties to even, the spacing there is 2), six times over
        double[] values = {1e16, 1, 1, 1, 1, 1, 1};

        assertThat(PairwiseSum.sum(values, 0, values.length)).isEqualTo(1e16);
    }

    @Test
    void addsUpToABlockInEightInterleavedAccumulators() {
        // 1e16 then fifteen ones. Accumulators after the two rows of eight:
        // r0 = 1e16 + 1 = 1e16 (tie to even), r1..r7 = 2.
        // ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)) = (1e16 + 2 + 4) + 8 = 1e16 + 14,
        // where a left-to-right sum loses every one and gives 1e16.
        double[] values = new double[16];
        Arrays.fill(values, 1);
        values[0] = 1e16;

        assertThat(PairwiseSum.sum(values, 0, values.length)).isEqualTo(1e16 + 14);
    }

    @Test
    void addsTheRemainderAfterTheAccumulators() {
        // As above for the first 16, then a 17th one added to 1e16 + 14: 1e16 + 15 ties to 1e16 + 16
        double[] values = new double[17];
        Arrays.fill(values, 1);
        values[0] = 1e16;

        assertThat(PairwiseSum.sum(values, 0, values.length)).isEqualTo(1e16 + 16);
    }

    @Test
    void splitsLongerArraysAtAMultipleOfEightNearTheMiddle() {
        // 200 values split into 96 + 104. Left: 1e16 and 95 ones: r0 = 1e16 after 12 rows (each +1
        // ties back to even), r1..r7 = 12, giving 1e16 + 84. Right: 104 ones, exactly 104.
        double[] values = new double[200];
        Arrays.fill(values, 1);
        values[0] = 1e16;

        assertThat(PairwiseSum.sum(values, 0, values.length)).isEqualTo(1e16 + 84 + 104);
    }
}
