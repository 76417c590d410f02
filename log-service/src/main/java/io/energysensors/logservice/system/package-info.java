/**
 * log-service's own error cases on top of web-support's problem details: a database that is
 * down answers 503 with Retry-After.
 */
package io.energysensors.logservice.system;
