package dev.orb.domain;

import java.time.Instant;

/**
 * A change of one order reported by the broker. Fill events carry the {@link Fill}; others carry none.
 *
 * @param type      what happened
 * @param order     the order after the change
 * @param fill      the execution for FILL / PARTIAL_FILL, else null
 * @param timestamp when it happened at the broker
 */
public record OrderUpdate(OrderEventType type, Order order, Fill fill, Instant timestamp) {
    public OrderUpdate {
        Require.nonNull(type, "OrderUpdate.type");
        Require.nonNull(order, "OrderUpdate.order");
        Require.nonNull(timestamp, "OrderUpdate.timestamp");
        if (!(type.isFill() == (fill != null))) {
            throw new InvalidValueException("OrderUpdate.fill: " + (type.isFill() ? "required" : "not allowed") + " for " + type + " of "
                        + order.clientOrderId());
        }
    }
}
