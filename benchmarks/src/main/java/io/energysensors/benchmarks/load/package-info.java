/**
 * Load generation over loopback HTTP for the benchmark table: requests/s and latency
 * percentiles of any endpoint, GET or POST of sample lines.
 */
package io.energysensors.benchmarks.load;
