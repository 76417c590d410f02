/**
 * The event the log service stores, read and validated from a parsed line, with its
 * clustering features.
 */
package io.energysensors.format.event;
