/**
 * Receiving events: POST /log/store reads a bounded body of sensor lines or their JSON form,
 * validates the whole batch and stores it, in one transaction shared with concurrent requests'
 * batches (group commit), before acknowledging.
 */
package io.energysensors.logservice.ingest;
