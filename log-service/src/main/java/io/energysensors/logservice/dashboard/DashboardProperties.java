package io.energysensors.logservice.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxPoints most events GET /dashboard/points returns, whatever the client asks: a browser
 *     draws 20,000 points in well under a second, and the page stays responsive
 */
@ConfigurationProperties("energy-sensors.dashboard")
record DashboardProperties(@DefaultValue("20000") int maxPoints) {

    DashboardProperties {
        if (maxPoints < 1) {
            throw new IllegalArgumentException(
                    "energy-sensors.dashboard.max-points must be at least 1, got " + maxPoints);
        }
    }
}
