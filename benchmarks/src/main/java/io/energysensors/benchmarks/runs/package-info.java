/**
 * Times whole clustering runs of a running log service: fills it with synthetic events over
 * HTTP, then asks for runs and reads the duration each run records.
 */
package io.energysensors.benchmarks.runs;
