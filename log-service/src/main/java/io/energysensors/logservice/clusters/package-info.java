/**
 * Mean Shift clustering of the stored events in the background, every N stored events or on demand,
 * its result stored in the database, and the read endpoints under /clusters that serve it.
 */
package io.energysensors.logservice.clusters;
