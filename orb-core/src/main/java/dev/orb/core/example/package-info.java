/**
 * A runnable example: one simulated trading day through the real engine and runner, on the in-memory fakes.
 * It shows how the pieces are wired; the example application (orb-example-app) does the same with real adapters.
 */
package dev.orb.core.example;
