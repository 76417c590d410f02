package io.energysensors.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BinSeedsTests {

    @Test
    void placesEachSeedAtItsBinKeyTimesTheBandwidthInFloat32() {
        // bw 0.1: 0.31 / 0.1 rounds to bin 3; seed f32(3) * f32(0.1) = 0.30000001192092896,
        // not the double 0.30000000000000004. 0.29 falls in the same bin; 0.0 in bin 0.
        double[][] seeds = BinSeeds.of(new Points(new double[] {0.31, 0.29, 0.0}, 1), 0.1);

        assertThat(seeds).isDeepEqualTo(new double[][] {{0.30000001192092896}, {0.0}});
    }

    @Test
    void keepsBinsInFirstSeenOrderAcrossParallelChunks() {
        // 150 000 points, binned in chunks of 65 536: every third point is 5, the others 1 up to
        // index 69 999 and 9 from there (first at 70 000, in the second chunk). The third chunk
        // brings nothing new. First seen: 5 (index 0), 1 (index 1), 9 (index 70 000).
        double[] values = new double[150_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 3 == 0 ? 5 : i < 70_000 ? 1 : 9;
        }

        double[][] seeds = BinSeeds.of(new Points(values, 1), 1);

        assertThat(seeds).isDeepEqualTo(new double[][] {{5}, {1}, {9}});
    }

    @Test
    void usesThePointsThemselvesWhenEveryPointHasItsOwnBin() {
        double[][] seeds = BinSeeds.of(new Points(new double[] {0.31, 1.0, 2.0}, 1), 0.1);

        assertThat(seeds).isDeepEqualTo(new double[][] {{0.31}, {1.0}, {2.0}});
    }
}
