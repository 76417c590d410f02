package io.energysensors.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * scikit-learn 1.2.1 itself on 75 seeded random point sets ({@code sklearn/cases.json} in this
 * module's test resources, made by {@code sklearn/make_cases.py} beside it): small integer sets where points lie exactly a bandwidth from
 * float32 seeds, integer bandwidths, dozens of clusters, 8 features of unequal scale.
 */
class SklearnOracleTests {

    static Stream<Named<JsonNode>> cases() throws IOException {
        try (InputStream json = SklearnOracleTests.class.getResourceAsStream("/sklearn/cases.json")) {
            JsonNode root = JsonMapper.builder().build().readTree(json);
            return StreamSupport.stream(root.get("cases").spliterator(), false)
                    .map(c -> Named.of(c.get("name").stringValue(), c));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesScikitLearn(JsonNode expected) {
        Points points = new Points(
                ReferenceData.doubles(expected.get("points")),
                expected.get("dimension").intValue());
        double bandwidth = expected.get("bandwidth").doubleValue();
        if (expected.get("bandwidth_estimated").booleanValue()) {
            assertThat(BandwidthEstimator.reference().estimate(points)).isEqualTo(bandwidth);
        }

        MeanShiftResult result = new MeanShift().cluster(points, bandwidth);

        CenterAssertions.assertCentersClose(
                result,
                ReferenceData.rows(expected.get("centers")),
                expected.get("name").stringValue());
        assertThat(result.labels()).containsExactly(ReferenceData.ints(expected.get("labels")));
        assertThat(result.iterations()).isEqualTo(expected.get("iterations").intValue());
    }
}
