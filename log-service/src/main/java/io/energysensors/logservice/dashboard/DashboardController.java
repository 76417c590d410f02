package io.energysensors.logservice.dashboard;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/dashboard")
@Tag(name = "dashboard", description = "What the dashboard at / draws")
class DashboardController {

    static final int MAX_MINUTES = 24 * 60;

    private final PointSampler sampler;
    private final IngestionRates rates;
    private final DashboardProperties properties;

    DashboardController(PointSampler sampler, IngestionRates rates, DashboardProperties properties) {
        this.sampler = sampler;
        this.rates = rates;
        this.properties = properties;
    }

    @GetMapping("/points")
    @Operation(
            summary = "A deterministic sample of stored events with their cluster label",
            description = "Every step-th event by id, step the smallest that keeps the sample within the limit. "
                    + "Each point is the 8 clustering features, then the label (-1 orphan, null not yet clustered).")
    PointSample points(
            @Parameter(description = "most points to return; capped by energy-sensors.dashboard.max-points")
                    @RequestParam(required = false)
                    @Min(1)
                    Integer limit) {
        int max = properties.maxPoints();
        return sampler.sample(limit == null ? max : Math.min(limit, max));
    }

    @GetMapping("/ingestion")
    @Operation(summary = "Events stored per minute over the last minutes, events stored, rejections by reason")
    IngestionFigures ingestion(
            @Parameter(description = "how many minutes, the current one last")
                    @RequestParam(defaultValue = "15")
                    @Min(1)
                    @Max(MAX_MINUTES)
                    int minutes) {
        return rates.lastMinutes(minutes, Instant.now());
    }
}
