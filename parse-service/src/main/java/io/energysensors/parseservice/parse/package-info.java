/**
 * POST /log/parse: turns sensor lines into their JSON form. Pure and stateless, so any number of
 * copies can serve side by side.
 */
package io.energysensors.parseservice.parse;
