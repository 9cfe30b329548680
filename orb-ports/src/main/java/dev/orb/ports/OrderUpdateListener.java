package dev.orb.ports;

import dev.orb.domain.OrderUpdate;

/**
 * Receives order updates from a {@link Broker}. Called from the broker's delivery thread, one update at a
 * time and in the broker's order; must return quickly (hand off to a queue).
 */
@FunctionalInterface
public interface OrderUpdateListener {
    void onOrderUpdate(OrderUpdate update);

    /** The stream of updates was interrupted; updates may have been missed until {@link #onReconnected()}. */
    default void onDisconnected(String reason) {
    }

    /** The stream is back; the caller should resynchronise over REST. */
    default void onReconnected() {
    }
}
