/** A Kafka broker for the Kafka ingestion benchmark (benchmarks/kafka.sh). */
package io.energysensors.benchmarks.kafka;
