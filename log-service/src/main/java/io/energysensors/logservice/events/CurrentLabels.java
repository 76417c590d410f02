package io.energysensors.logservice.events;

/**
 * Where the labels of the current clustering result come from: the clustering side keeps them
 * and swaps them whole when a run commits, so a read takes one snapshot and sees one result.
 */
public interface CurrentLabels {

    /** The labels of the result current now; {@link ClusterLabels#none()} before any. */
    ClusterLabels current();
}
