package io.energysensors.logservice.dashboard;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * GET /dashboard/points: compact rows, so 20,000 events stay a small download.
 *
 * @param features the names of the first 8 values of every point, in order
 * @param points per event: the 8 features (null where the event has no such peak), then the
 *     cluster label (-1 an orphan, null not yet clustered)
 * @param total events stored when the sample was taken
 * @param step every {@code step}-th event by id is in the sample
 */
@Schema(description = "A deterministic sample of stored events: every step-th event by id")
record PointSample(List<String> features, List<Object[]> points, long total, long step) {}
