/**
 * The embedded PostgreSQL that the ingestion benchmarks (ingest-load.sh, run.sh) run the log
 * service against; the load itself comes from {@code benchmarks.load.HttpLoad}.
 */
package io.energysensors.benchmarks.ingest;
