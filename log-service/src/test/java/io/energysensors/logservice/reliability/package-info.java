/**
 * The reliability suite: the service killed mid-write, fed garbage, cut off from its database and
 * clustering while loaded, each driven over real HTTP against a real database.
 */
package io.energysensors.logservice.reliability;
