package io.energysensors.logservice.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * scikit-learn's answer for the 1000-line sample as the original clustered it, from
 * {@code res/reference} (variant {@code original_n_samples_200}), and the checks of a
 * summary against it.
 */
final class Reference {

    static final JsonNode ORIGINAL = JsonMapper.builder()
            .build()
            .readTree(Path.of("..", "res", "reference", "sklearn_events_reference.json")
                    .toFile())
            .get("variants")
            .get("original_n_samples_200");

    private static final String[] AVERAGES = {
        "avg_power_active_w",
        "avg_power_reactive_var",
        "avg_power_apparent_va",
        "avg_line_current_a",
        "avg_line_voltage_v"
    };

    private Reference() {}

    static int[] labels() {
        JsonNode labels = ORIGINAL.get("labels");
        int[] values = new int[labels.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = labels.get(i).asInt();
        }
        return values;
    }

    /** Same clusters, counts, averages, centers and bandwidth as the reference, to 1e-9 relative. */
    static void assertMatches(JsonNode summary) {
        assertRelative(
                summary.get("bandwidth").asDouble(), ORIGINAL.get("bandwidth").asDouble());
        JsonNode expected = ORIGINAL.get("per_cluster_means");
        JsonNode clusters = summary.get("clusters");
        assertThat(clusters.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode want = expected.get(i);
            JsonNode got = clusters.get(i);
            assertThat(got.get("label").asInt()).isEqualTo(want.get("label").asInt());
            assertThat(got.get("count").asLong()).isEqualTo(want.get("count").asLong());
            for (String average : AVERAGES) {
                assertRelative(got.get(average).asDouble(), want.get(average).asDouble());
            }
            int label = want.get("label").asInt();
            if (label < 0) {
                assertThat(got.has("center")).isFalse();
            } else {
                JsonNode center = ORIGINAL.get("cluster_centers").get(label);
                for (int j = 0; j < 8; j++) {
                    assertRelative(
                            got.get("center").get(j).asDouble(), center.get(j).asDouble());
                }
            }
        }
    }

    static void assertRelative(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-9));
    }
}
