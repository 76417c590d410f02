/**
 * The MQTT door: subscribes to sensor topics on an existing broker (QoS 1) and hands every
 * message to the ingest pipeline, acknowledging it to the broker only once its events committed.
 */
package io.energysensors.logservice.mqtt;
