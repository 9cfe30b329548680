/**
 * The dashboard's implementation — routing, pages, JSON views, security (authentication, CSRF, rate limits,
 * escaping, masking of secrets), the live stream (event ring, SSE and WebSocket clients) — public only so that
 * {@code dev.orb.dashboard} can assemble it. It may change at any time; do not use it from outside this module.
 */
package dev.orb.dashboard.internal;
