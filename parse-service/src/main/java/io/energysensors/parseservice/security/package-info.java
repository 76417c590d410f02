/** Who may call which endpoint of parse-service (web-support's shared security, docs/security.md). */
package io.energysensors.parseservice.security;
