/**
 * The Kafka door: log-service copies in one consumer group share a topic's partitions and store
 * its records through the same pipeline as POST /log/store, committing offsets only after the
 * events committed. Off unless {@code energy-sensors.kafka.bootstrap-servers} is set.
 */
package io.energysensors.logservice.kafka;
