/**
 * Stored events: the immutable events table as a JPA entity, and the read endpoints under
 * /events that page through it newest first.
 */
package io.energysensors.logservice.events;
