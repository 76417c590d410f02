package io.energysensors.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PointsTests {

    @Test
    void readsRowMajorCoordinates() {
        Points points = new Points(new double[] {1, 2, 3, 4, 5, 6}, 3);

        assertThat(points.size()).isEqualTo(2);
        assertThat(points.coordinate(1, 0)).isEqualTo(4);
        assertThat(points.point(1)).containsExactly(4, 5, 6);
    }

    @Test
    void namesThePointAndFeatureThatIsNotAFiniteNumber() {
        assertThatThrownBy(() -> new Points(new double[] {1, 2, 3, 4, Double.NaN, 6}, 3))
                .isInstanceOf(ClusteringException.class)
                .hasMessage("point 1 (0-based), feature 1 is NaN: every feature must be a finite number");
        assertThatThrownBy(() -> Points.ofRows(new double[][] {{1}, {Double.NEGATIVE_INFINITY}}))
                .isInstanceOf(ClusteringException.class)
                .hasMessageStartingWith("point 1 (0-based), feature 0 is -Infinity");
    }

    @Test
    void refusesCoordinatesThatDoNotFillWholePoints() {
        assertThatThrownBy(() -> new Points(new double[5], 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("coordinate count 5 is not a multiple of the dimension 2");
        assertThatThrownBy(() -> Points.ofRows(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1 has 1 features, row 0 has 2");
    }
}
