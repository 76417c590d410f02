package io.energysensors.logservice.dashboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxPoints most events GET /dashboard/points returns, whatever the client asks: a browser
 *     draws 20,000 points in well under a second, and the page stays responsive
 * @param sampleMaxAge how long the point sample is reused while no clustering run ends, if events
 *     were stored since (SampleCache)
 */
@ConfigurationProperties("energy-sensors.dashboard")
record DashboardProperties(
        @DefaultValue("20000") int maxPoints,
        @DefaultValue("1m") Duration sampleMaxAge) {

    DashboardProperties {
        if (maxPoints < 1) {
            throw new IllegalArgumentException(
                    "energy-sensors.dashboard.max-points must be at least 1, got " + maxPoints);
        }
        if (sampleMaxAge.isNegative()) {
            throw new IllegalArgumentException(
                    "energy-sensors.dashboard.sample-max-age must not be negative, got " + sampleMaxAge);
        }
    }
}
