package io.energysensors.logservice.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.energysensors.format.event.Feature;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The cluster members the API shows are named after {@link Feature}, the original's keys kept. */
class ClusterJsonNamesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void summaryKeysAreTheOriginalsAvgAndTheFeatureNames() {
        ClusterSummary.Cluster cluster = new ClusterSummary.Cluster(0, 3, 1, 2, 3, 4, 5, new double[Feature.COUNT]);

        List<String> expected = new ArrayList<>(List.of("label", "count"));
        for (Feature feature : Feature.ALL.subList(0, 5)) {
            expected.add("avg_" + feature.jsonName());
        }
        expected.add("center");
        assertThat(names(JSON.valueToTree(cluster)))
                .containsExactlyElementsOf(expected)
                .contains(
                        "avg_power_active_w",
                        "avg_power_reactive_var",
                        "avg_power_apparent_va",
                        "avg_line_current_a",
                        "avg_line_voltage_v");
    }

    @Test
    void detailKeysItsStatisticsByFeatureName() {
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8};
        ClusterDetail detail = ClusterDetail.of(new ClusterRow(2, 5, values, values, values, values, values), 7, 0.5);

        JsonNode json = JSON.valueToTree(detail);

        List<String> featureNames = Feature.ALL.stream().map(Feature::jsonName).toList();
        assertThat(names(json.get("features"))).containsExactlyElementsOf(featureNames);
        assertThat(names(json.get("center"))).containsExactlyElementsOf(featureNames);
        assertThat(json.get("features").get("line_current_a").get("mean").asDouble())
                .isEqualTo(4);
        assertThat(json.get("run_id").asLong()).isEqualTo(7);
    }

    private static List<String> names(JsonNode object) {
        return new ArrayList<>(object.propertyNames());
    }
}
