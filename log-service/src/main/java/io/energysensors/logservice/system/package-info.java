/**
 * log-service's own plumbing on top of web-support: a database that is down answers 503 with
 * Retry-After.
 */
package io.energysensors.logservice.system;
