/**
 * JMH benchmarks of the clustering module: Mean Shift with bandwidth estimation on synthetic
 * appliance-like loads of 10 thousand to 1 million events.
 */
package io.energysensors.benchmarks.clustering;
