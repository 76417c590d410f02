package io.energysensors.logservice.dashboard;

import java.time.Instant;

import io.energysensors.logservice.storage.ReadTimeouts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/dashboard")
@Tag(name = "dashboard", description = "What the dashboard at / draws")
class DashboardController {

    static final int MAX_MINUTES = 24 * 60;

    private final SampleCache samples;
    private final IngestionRates rates;
    private final DashboardProperties properties;

    DashboardController(SampleCache samples, IngestionRates rates, DashboardProperties properties) {
        this.samples = samples;
        this.rates = rates;
        this.properties = properties;
    }

    @GetMapping("/points")
    @Operation(
            summary = "A deterministic sample of stored events with their cluster label",
            description = "Every step-th event by id, step the smallest that keeps the sample within the limit. "
                    + "Each point is the 8 clustering features, then the label (-1 orphan, null not yet clustered). "
                    + "Taken once per clustering run (or sample-max-age); its ETag answers a repeated poll 304.")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = PointSample.class)))
    ResponseEntity<byte[]> points(
            @Parameter(description = "most points to return; capped by energy-sensors.dashboard.max-points")
                    @RequestParam(required = false)
                    @Min(1)
                    Integer limit) {
        int max = properties.maxPoints();
        SampleCache.Served served = ReadTimeouts.answer(
                "sampling points", () -> samples.sample(limit == null ? max : Math.min(limit, max)));
        PointSample sample = served.sample();
        // The same sample answers until it is taken again: a browser revalidates, and gets 304.
        String version =
                sample.runId() + "-" + sample.limit() + "-" + sample.takenAt().toEpochMilli();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .eTag(version)
                .contentType(MediaType.APPLICATION_JSON)
                .body(served.json());
    }

    @GetMapping("/ingestion")
    @Operation(summary = "Events stored per minute over the last minutes, events stored, rejections by reason")
    IngestionFigures ingestion(
            @Parameter(description = "how many minutes, the current one last")
                    @RequestParam(defaultValue = "15")
                    @Min(1)
                    @Max(MAX_MINUTES)
                    int minutes) {
        return ReadTimeouts.answer("counting stored events", () -> rates.lastMinutes(minutes, Instant.now()));
    }
}
