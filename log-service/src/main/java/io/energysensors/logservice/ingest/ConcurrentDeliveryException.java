package io.energysensors.logservice.ingest;

import io.energysensors.web.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * Another copy of the service kept storing a delivery with the same key while this one tried to:
 * 409, nothing stored by this one; sent again, it gets the first one's answer.
 */
final class ConcurrentDeliveryException extends ApiProblem {

    ConcurrentDeliveryException() {
        super(
                HttpStatus.CONFLICT,
                "a delivery with the same key is being stored at this moment; nothing was stored by this one, "
                        + "send it again to get the first one's answer");
    }
}
