package io.energysensors.logservice.kafka;

/** A record the pipeline refused for what it is: what the dead-letter headers say about it. */
class RejectedRecordException extends RuntimeException {

    RejectedRecordException(String error) {
        super(error, null, false, false);
    }
}
