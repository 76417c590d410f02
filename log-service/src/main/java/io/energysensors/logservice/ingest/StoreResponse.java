package io.energysensors.logservice.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code {}} for one event, as the original answered; {@code {"stored": n}} for a batch. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StoreResponse(Integer stored) {

    static StoreResponse of(int stored) {
        return new StoreResponse(stored == 1 ? null : stored);
    }
}
