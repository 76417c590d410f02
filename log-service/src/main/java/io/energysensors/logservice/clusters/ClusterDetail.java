package io.energysensors.logservice.clusters;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * GET /clusters/{label}: one label of the current result with, per feature, the members' mean,
 * population standard deviation, minimum and maximum.
 *
 * @param center null for the orphans
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record ClusterDetail(
        int label,
        long count,
        long runId,
        double bandwidth,
        Map<String, Double> center,
        Map<String, FeatureStatistics> features) {

    /** The features by name, in the order of the stored vectors. */
    static final String[] FEATURES = {
        "power_active_w",
        "power_reactive_var",
        "power_apparent_va",
        "line_current_a",
        "line_voltage_v",
        "peak_0",
        "peak_1",
        "peak_2"
    };

    record FeatureStatistics(double mean, double std, double min, double max) {}

    static ClusterDetail of(ClusterRow row, long runId, double bandwidth) {
        Map<String, FeatureStatistics> features = new LinkedHashMap<>();
        for (int j = 0; j < FEATURES.length; j++) {
            features.put(FEATURES[j], new FeatureStatistics(row.mean()[j], row.std()[j], row.min()[j], row.max()[j]));
        }
        Map<String, Double> center = null;
        if (row.center() != null) {
            center = new LinkedHashMap<>();
            for (int j = 0; j < FEATURES.length; j++) {
                center.put(FEATURES[j], row.center()[j]);
            }
        }
        return new ClusterDetail(row.label(), row.count(), runId, bandwidth, center, features);
    }
}
