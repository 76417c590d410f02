package io.energysensors.logservice.ingest;

/**
 * What became of a delivery, for doors that acknowledge rather than answer: {@link Stored}
 * (acknowledge it) or {@link Rejected} (acknowledge it too, as sending it again cannot help).
 * A store that cannot take it is an exception instead: then nothing is acknowledged.
 */
public sealed interface IngestOutcome permits Stored, IngestOutcome.Rejected {

    /** @param error what is wrong with the payload, in words, as the problem JSON of POST /log/store says it */
    record Rejected(String error) implements IngestOutcome {}
}
