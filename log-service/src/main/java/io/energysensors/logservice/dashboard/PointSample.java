package io.energysensors.logservice.dashboard;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * GET /dashboard/points: compact rows, so 20,000 events stay a small download.
 *
 * @param features what the first values of every point are, in order
 * @param points per event: the features (null where the event has no such peak), then the
 *     cluster label (-1 an orphan, null not yet clustered)
 * @param total events stored when the sample was taken
 * @param step every {@code step}-th event by id is in the sample
 */
@Schema(description = "A deterministic sample of stored events: every step-th event by id")
record PointSample(List<Feature> features, List<Object[]> points, long total, long step) {

    /**
     * One clustering feature, so that clients draw it without knowing the features beforehand.
     *
     * @param name its JSON name, as GET /clusters/{label} keys it
     * @param unit empty where it has none
     */
    record Feature(String name, String title, String unit) {}
}
