package io.energysensors.logservice.ingest;

/**
 * A delivery committed: the answer to acknowledge it with.
 *
 * @param events how many events the delivery holds (stored by this delivery, or by the first one
 *     when this is a repeat)
 * @param repeat the delivery repeated one already stored, so nothing was stored this time
 */
public record Stored(int events, boolean repeat) implements IngestOutcome {}
