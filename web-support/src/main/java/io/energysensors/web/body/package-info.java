/**
 * Request bodies as both services accept them, by one rule: read within a size limit, decoded
 * strictly in the charset the Content-Type names (UTF-8 without one), split into numbered lines
 * within a per-line limit; bad bytes are reported with their position instead of being replaced,
 * and every refusal is an {@link io.energysensors.web.problem.ApiProblem} worded here.
 */
package io.energysensors.web.body;
