/**
 * The JSON form of a parsed sensor line, written and read with Jackson's streaming API.
 * Round-trips every parsed line exactly.
 */
package io.energysensors.format.json;
