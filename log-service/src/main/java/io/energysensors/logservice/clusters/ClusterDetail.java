package io.energysensors.logservice.clusters;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.energysensors.format.event.Feature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * GET /clusters/{label}: one label of the current result with, per feature, the members' mean,
 * population standard deviation, minimum and maximum, keyed by the feature's JSON name.
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

    record FeatureStatistics(double mean, double std, double min, double max) {}

    static ClusterDetail of(ClusterRow row, long runId, double bandwidth) {
        Map<String, FeatureStatistics> features = new LinkedHashMap<>();
        for (Feature feature : Feature.ALL) {
            int j = feature.ordinal();
            features.put(
                    feature.jsonName(), new FeatureStatistics(row.mean()[j], row.std()[j], row.min()[j], row.max()[j]));
        }
        Map<String, Double> center = null;
        if (row.center() != null) {
            center = new LinkedHashMap<>();
            for (Feature feature : Feature.ALL) {
                center.put(feature.jsonName(), row.center()[feature.ordinal()]);
            }
        }
        return new ClusterDetail(row.label(), row.count(), runId, bandwidth, center, features);
    }
}
