/**
 * Who may call which endpoint of log-service (web-support's shared security, docs/security.md),
 * and the checks of a stored batch against its sender: device binding and the event rate.
 */
package io.energysensors.logservice.security;
