/**
 * The demo: a generated or user-supplied flat-file market replayed at an accelerated speed through the live
 * scheduler, the session engine and a simulated broker, with the dashboard in an embedded Jetty.
 */
package dev.orb.app.demo;
