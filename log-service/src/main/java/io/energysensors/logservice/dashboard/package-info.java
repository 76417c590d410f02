/**
 * The dashboard at {@code /}: its page and scripts, served from the jar, and the JSON it reads
 * (a bounded sample of stored events with their cluster, and live ingestion figures).
 */
package io.energysensors.logservice.dashboard;
