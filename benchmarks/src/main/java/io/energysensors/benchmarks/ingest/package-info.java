/**
 * The databases of the ingestion benchmarks alone, the ceilings of the service's batches: the
 * embedded PostgreSQL that ingest-load.sh and run.sh run the log service against,
 * {@code H2InsertLoop} (what H2 alone inserts with the service's schema and write pattern) and
 * {@code PostgresCopyLoop} (what PostgreSQL alone takes by bare COPY). The HTTP load is wrk's.
 */
package io.energysensors.benchmarks.ingest;
