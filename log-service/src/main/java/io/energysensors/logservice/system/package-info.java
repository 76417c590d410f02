/**
 * Bulk inserts as batched multi-row INSERTs, for the ingest path on databases without COPY.
 */
package io.energysensors.logservice.system;
