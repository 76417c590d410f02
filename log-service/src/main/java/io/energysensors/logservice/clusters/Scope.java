package io.energysensors.logservice.clusters;

/** Which stored events a run clusters; the others are assigned to the nearest center found. */
public enum Scope {
    /** Every stored event, as the original did: exact, but memory and time grow with the store. */
    ALL,
    /** The most recent {@code max-events} events by id. */
    RECENT,
    /** A uniform sample of {@code max-events} events, the same for the same store and seed. */
    SAMPLE
}
