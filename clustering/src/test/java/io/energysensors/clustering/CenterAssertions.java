package io.energysensors.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Centers are means summed in another order than the reference's: equal to about 1e-15. */
final class CenterAssertions {

    private static final double RELATIVE_TOLERANCE = 1e-9;

    private CenterAssertions() {}

    static void assertCentersClose(MeanShiftResult result, double[][] expected, String description) {
        assertThat(result.clusterCount()).as("%s: cluster count", description).isEqualTo(expected.length);
        for (int label = 0; label < expected.length; label++) {
            double[] actual = result.center(label);
            for (int j = 0; j < actual.length; j++) {
                double value = expected[label][j];
                assertThat(actual[j])
                        .as("%s: center %d feature %d", description, label, j)
                        .isCloseTo(value, within(RELATIVE_TOLERANCE * Math.max(1, Math.abs(value))));
            }
        }
    }
}
