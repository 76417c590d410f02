package io.energysensors.logservice.dashboard;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * GET /dashboard/points: compact rows, so 20,000 events stay a small download.
 *
 * @param features what the first values of every point are, in order
 * @param points per event: the features (null where the event has no such peak), then the
 *     cluster label (-1 an orphan, null not yet clustered)
 * @param total events stored when the sample was taken
 * @param step every {@code step}-th event by id is in the sample
 * @param limit the most points the sample could hold
 * @param runId the clustering run whose labels the points carry; 0 before any
 * @param takenAt when the sample was taken: polls between clustering runs get the same sample
 */
@Schema(description = "A deterministic sample of stored events: every step-th event by id")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record PointSample(
        List<Feature> features, List<Object[]> points, long total, long step, int limit, long runId, Instant takenAt) {

    /**
     * One clustering feature, so that clients draw it without knowing the features beforehand.
     *
     * @param name its JSON name, as GET /clusters/{label} keys it
     * @param unit empty where it has none
     */
    record Feature(String name, String title, String unit) {}
}
