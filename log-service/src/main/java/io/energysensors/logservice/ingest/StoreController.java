package io.energysensors.logservice.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.energysensors.format.event.SensorEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /log/store. The body is read as bytes under a hard limit and decoded strictly here, not
 * by a message converter, so that size and encoding errors say where they are and never 500.
 */
@RestController
class StoreController {

    private static final List<MediaType> ACCEPTED = List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON);

    private final EventBatchReader reader;
    private final GroupCommit store;
    private final IngestProperties limits;
    private final IngestRejections rejections;
    private final Counter storedEvents;
    private final DistributionSummary batchSizes;
    private final Timer storeTimer;

    StoreController(
            EventBatchReader reader,
            GroupCommit store,
            IngestProperties limits,
            IngestRejections rejections,
            MeterRegistry meters) {
        this.reader = reader;
        this.store = store;
        this.limits = limits;
        this.rejections = rejections;
        this.storedEvents = Counter.builder("energy_sensors.ingest.stored")
                .description("Events stored (acknowledged)")
                .register(meters);
        this.batchSizes = DistributionSummary.builder("energy_sensors.ingest.batch.size")
                .description("Events per stored request")
                .register(meters);
        this.storeTimer = Timer.builder("energy_sensors.ingest.store")
                .description("Time to store a validated batch, commit included")
                .publishPercentileHistogram()
                .register(meters);
    }

    @PostMapping("/log/store")
    StoreResponse store(HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
        List<SensorEvent> events;
        try {
            boolean json = isJson(request.getContentType());
            byte[] body = readBody(request);
            events = json ? reader.readJson(body) : reader.readText(body, limits.maxLine());
        } catch (BatchRejectedException e) {
            rejections.add(IngestRejections.INVALID_LINE, e.badLines());
            throw e;
        } catch (BodyTooLargeException e) {
            rejections.add(IngestRejections.TOO_LARGE, 1);
            throw e;
        } catch (MalformedBodyException e) {
            rejections.add(IngestRejections.MALFORMED_BODY, 1);
            throw e;
        } catch (HttpMediaTypeNotSupportedException e) {
            rejections.add(IngestRejections.UNSUPPORTED_MEDIA_TYPE, 1);
            throw e;
        }
        int stored = storeTimer.record(() -> store.commitBatch(events));
        storedEvents.increment(stored);
        batchSizes.record(stored);
        return StoreResponse.of(stored);
    }

    /** text/plain in any case with any charset parameter, or no Content-Type at all, is text. */
    private static boolean isJson(String contentType) throws HttpMediaTypeNotSupportedException {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException(e.getMessage());
        }
        if (MediaType.TEXT_PLAIN.equalsTypeAndSubtype(type)) {
            return false;
        }
        if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
            return true;
        }
        throw new HttpMediaTypeNotSupportedException(type, ACCEPTED);
    }

    private byte[] readBody(HttpServletRequest request) {
        int max = limits.maxBody();
        if (request.getContentLengthLong() > max) {
            throw BodyTooLargeException.body(max);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(max + 1);
        } catch (IOException e) {
            throw MalformedBodyException.unreadable(e.getMessage());
        }
        if (body.length > max) {
            throw BodyTooLargeException.body(max);
        }
        return body;
    }
}
