package io.energysensors.logservice.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.energysensors.clustering.Points;
import org.junit.jupiter.api.Test;

class FeaturesTests {

    @Test
    void pointsOfFeaturesSizedForTheirCountAreTheFeaturesThemselvesNotACopy() {
        Features features = new Features(20);
        for (int i = 0; i < 20; i++) {
            features.add(i, row(i));
        }
        double[] before = features.coordinates();

        Points points = features.points();

        assertThat(features.coordinates()).isSameAs(before);
        assertThat(points.size()).isEqualTo(20);
        assertThat(points.coordinate(19, 7)).isEqualTo(19 * 10 + 7);
    }

    @Test
    void featuresThatOutgrewTheirCountAreTrimmedOnceForThePoints() {
        // Sized for 16, given 17: the arrays grew by half, to 24, and the points take 17.
        Features features = new Features(16);
        for (int i = 0; i < 17; i++) {
            features.add(100 + i, row(i));
        }
        assertThat(features.coordinates()).hasSize(24 * Features.DIMENSION);

        Points points = features.points();

        assertThat(features.coordinates()).hasSize(17 * Features.DIMENSION);
        assertThat(features.ids()).hasSize(17).endsWith(116L);
        assertThat(points.size()).isEqualTo(17);
        assertThat(points.coordinate(16, 0)).isEqualTo(160);
    }

    /** Feature j of event i is i * 10 + j. */
    private static double[] row(int i) {
        double[] row = new double[Features.DIMENSION];
        for (int j = 0; j < row.length; j++) {
            row[j] = i * 10 + j;
        }
        return row;
    }
}
