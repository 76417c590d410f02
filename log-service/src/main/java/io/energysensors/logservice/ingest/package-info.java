/**
 * Receiving events: the {@link io.energysensors.logservice.ingest.IngestPipeline} validates a
 * bounded payload of sensor lines or their JSON form whole and stores it, with its delivery key,
 * in one transaction shared with concurrent batches (group commit), before anything is
 * acknowledged. POST /log/store is its HTTP door; the MQTT door is in {@code mqtt}.
 */
package io.energysensors.logservice.ingest;
