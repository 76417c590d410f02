package io.energysensors.logservice.ingest;

import java.nio.charset.Charset;
import java.util.List;

import io.energysensors.format.event.SensorEvent;
import io.energysensors.logservice.security.BatchAdmission;
import io.energysensors.web.body.RequestBodies;
import io.energysensors.web.problem.ApiProblem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /log/store. The body is read as bytes under a hard limit and decoded strictly by
 * web-support's body reading, not by a message converter, so that size and encoding errors say
 * where they are, in the same words as parse-service's, and never 500.
 */
@RestController
class StoreController {

    private static final List<MediaType> ACCEPTED = List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON);

    private final EventBatchReader reader;
    private final BatchAdmission admission;
    private final GroupCommit store;
    private final IngestProperties limits;
    private final IngestRejections rejections;
    private final Counter storedEvents;
    private final DistributionSummary batchSizes;
    private final Timer storeTimer;

    StoreController(
            EventBatchReader reader,
            BatchAdmission admission,
            GroupCommit store,
            IngestProperties limits,
            IngestRejections rejections,
            MeterRegistry meters) {
        this.reader = reader;
        this.admission = admission;
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
            events = read(request);
        } catch (BatchRejectedException e) {
            rejections.add(IngestRejections.INVALID_LINE, e.badLines());
            throw e;
        } catch (HttpMediaTypeNotSupportedException e) {
            rejections.add(IngestRejections.UNSUPPORTED_MEDIA_TYPE, 1);
            throw e;
        } catch (ApiProblem e) {
            rejections.add(IngestRejections.reasonFor(e.status()), 1);
            throw e;
        }
        admission.admit(request, events);
        int stored = storeTimer.record(() -> store.commitBatch(events));
        storedEvents.increment(stored);
        batchSizes.record(stored);
        return StoreResponse.of(stored);
    }

    /**
     * text/plain in any case, or no Content-Type at all, is text in its charset parameter's
     * encoding (UTF-8 without one); application/json is UTF-8 whatever its parameters say, as
     * RFC 8259 defines no charset for it.
     */
    private List<SensorEvent> read(HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
        MediaType type = RequestBodies.contentType(request.getContentType());
        if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
            return reader.readJson(RequestBodies.readWithin(request, limits.bodyLimit(), limits.uploadLimit()));
        }
        if (!MediaType.TEXT_PLAIN.equalsTypeAndSubtype(type)) {
            throw new HttpMediaTypeNotSupportedException(type, ACCEPTED);
        }
        Charset charset = RequestBodies.charsetOf(type);
        return reader.readText(
                RequestBodies.readWithin(request, limits.bodyLimit(), limits.uploadLimit()),
                charset,
                limits.lineLimit());
    }
}
