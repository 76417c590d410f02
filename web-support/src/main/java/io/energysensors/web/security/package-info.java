/**
 * Who may call what, the same in both services: bearer tokens kept as SHA-256 hashes (and,
 * optionally, JWTs from an identity provider) in roles, loopback-only access in local mode, an
 * origin allow-list that stops cross-site browser requests, and per-client rate limits.
 */
package io.energysensors.web.security;
