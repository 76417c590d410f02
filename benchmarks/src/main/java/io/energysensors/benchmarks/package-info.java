/**
 * JMH benchmarks for the speed targets (parser and JSON form throughput in lines per second).
 * Built on demand with {@code -Pbenchmarks}; run from the repository root so that res/ is found.
 */
package io.energysensors.benchmarks;
