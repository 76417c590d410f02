/**
 * What log-service answers when its database cannot serve a request: 503 with Retry-After, so
 * clients retry, instead of the shared advice's 500; and, for a read its statement timeout
 * cancelled, a 503 that says the query was too costly for now.
 */
package io.energysensors.logservice.storage;
