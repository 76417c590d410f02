package io.energysensors.logservice.clusters;

/** How a run computed its result (docs/scaling.md, "Assigning few new events"). */
public enum RunKind {
    /** Clustered its scope anew with Mean Shift. */
    FULL,
    /** Kept the previous result's centers and assigned only the events stored since to the nearest. */
    ASSIGNMENT
}
