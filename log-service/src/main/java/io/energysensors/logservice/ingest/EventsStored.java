package io.energysensors.logservice.ingest;

/**
 * Published inside the storing transaction; listeners that act on stored events listen after
 * commit, so they never see events that were rolled back.
 *
 * @param count how many events the transaction stored
 */
public record EventsStored(int count) {}
