/**
 * Request bodies as the services accept them: read within a size limit, decoded strictly, split
 * into numbered lines; bad bytes are reported with their position instead of being replaced.
 */
package io.energysensors.web.body;
