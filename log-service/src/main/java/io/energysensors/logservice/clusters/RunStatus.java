package io.energysensors.logservice.clusters;

/** What became of a clustering run. */
public enum RunStatus {
    /** Still going: seen only inside the run's own transaction. */
    RUNNING,
    /** Its result is stored and, until a later one succeeds, current. */
    SUCCEEDED,
    /** No result; the reason says why, and the previous result stays. */
    FAILED,
    /** Not run: another instance held the clustering lock. */
    SKIPPED
}
