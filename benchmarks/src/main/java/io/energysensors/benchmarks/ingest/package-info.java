/**
 * Ingestion throughput of a running log service over loopback HTTP: a load driver posting
 * sample lines in batches, and an embedded PostgreSQL to run the service against.
 */
package io.energysensors.benchmarks.ingest;
