/**
 * The sensor line format: the grammar, its single-pass parser and the typed tree it produces.
 * Plain Java, no framework; docs/format.md is the specification.
 */
package io.energysensors.format;
