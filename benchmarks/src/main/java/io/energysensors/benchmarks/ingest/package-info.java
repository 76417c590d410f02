/**
 * The databases of the ingestion benchmarks: the embedded PostgreSQL that ingest-load.sh and
 * run.sh run the log service against, and {@code H2InsertLoop}, what H2 alone inserts with the
 * service's schema and write pattern. The HTTP load comes from {@code benchmarks.load.HttpLoad}.
 */
package io.energysensors.benchmarks.ingest;
