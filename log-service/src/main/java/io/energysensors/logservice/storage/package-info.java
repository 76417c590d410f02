/**
 * What log-service answers when its database cannot serve a request: 503 with Retry-After, so
 * clients retry, instead of the shared advice's 500.
 */
package io.energysensors.logservice.storage;
