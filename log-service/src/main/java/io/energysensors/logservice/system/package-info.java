/**
 * Cross-cutting web plumbing: every error, from a controller or from the servlet container,
 * leaves as an RFC 9457 problem detail with the {@code error} member the original's clients read.
 */
package io.energysensors.logservice.system;
