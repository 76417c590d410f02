package io.energysensors.logservice.ingest;

import java.util.List;

import io.energysensors.logservice.security.BatchAdmission;
import io.energysensors.web.body.RequestBodies;
import io.energysensors.web.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /log/store: the HTTP door of the {@link IngestPipeline}. The body is read as bytes under a
 * hard limit and decoded strictly by web-support's body reading, not by a message converter, so
 * that size and encoding errors say where they are, in the same words as parse-service's, and
 * never 500. An optional {@code Idempotency-Key} makes a repeated batch answer the first answer.
 */
@RestController
class StoreController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Set on the answer to a repeat, as Stripe's API does: nothing was stored by this request. */
    static final String REPLAYED = "Idempotent-Replayed";

    private static final String DOOR = "http";
    private static final int MAX_KEY_LENGTH = 255;
    private static final List<MediaType> ACCEPTED = List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON);

    private final IngestPipeline pipeline;
    private final BatchAdmission admission;
    private final IngestProperties limits;
    private final IngestRejections rejections;

    StoreController(
            IngestPipeline pipeline, BatchAdmission admission, IngestProperties limits, IngestRejections rejections) {
        this.pipeline = pipeline;
        this.admission = admission;
        this.limits = limits;
        this.rejections = rejections;
    }

    @PostMapping("/log/store")
    ResponseEntity<StoreResponse> store(
            HttpServletRequest request, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key)
            throws HttpMediaTypeNotSupportedException {
        checkKey(key);
        Delivery delivery;
        try {
            delivery = read(request, key);
        } catch (HttpMediaTypeNotSupportedException e) {
            rejections.add(IngestRejections.UNSUPPORTED_MEDIA_TYPE, 1);
            throw e;
        } catch (ApiProblem e) {
            rejections.add(IngestRejections.reasonFor(e.status()), 1);
            throw e;
        }
        Stored stored = pipeline.ingest(delivery, events -> admission.admit(request, events));
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (stored.repeat()) {
            answer.header(REPLAYED, "true");
        }
        return answer.body(StoreResponse.of(stored.events()));
    }

    /**
     * text/plain in any case, or no Content-Type at all, is text in its charset parameter's
     * encoding (UTF-8 without one); application/json is UTF-8 whatever its parameters say, as
     * RFC 8259 defines no charset for it. The type is checked before the body is read.
     */
    private Delivery read(HttpServletRequest request, String key) throws HttpMediaTypeNotSupportedException {
        MediaType type = RequestBodies.contentType(request.getContentType());
        if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
            type = MediaType.APPLICATION_JSON;
        } else if (MediaType.TEXT_PLAIN.equalsTypeAndSubtype(type)) {
            RequestBodies.charsetOf(type);
        } else {
            throw new HttpMediaTypeNotSupportedException(type, ACCEPTED);
        }
        byte[] body = RequestBodies.readWithin(request, limits.bodyLimit(), limits.uploadLimit());
        return new Delivery(body, type, key == null ? null : DeliveryKey.chosen(DOOR, key, body));
    }

    /** Bounded so that a key costs a known maximum to hash and compare; any visible ASCII, as UUIDs and ULIDs are. */
    private static void checkKey(String key) {
        if (key == null) {
            return;
        }
        boolean visibleAscii = key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !visibleAscii) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "the Idempotency-Key header must be 1 to " + MAX_KEY_LENGTH
                            + " visible ASCII characters (letters, digits, punctuation; no spaces), such as a UUID");
        }
    }
}
