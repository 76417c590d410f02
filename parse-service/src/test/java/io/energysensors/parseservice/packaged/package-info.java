/**
 * Tests of the packaged jar as scripts/run-service starts it; failsafe runs them after package.
 */
package io.energysensors.parseservice.packaged;
