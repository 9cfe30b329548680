package dev.orb.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as the broker knows it.
 *
 * @param brokerOrderId   the broker's id
 * @param clientOrderId   the client order id (orb's own, or whatever a foreign order carries)
 * @param symbol          the ticker
 * @param side            buy or sell
 * @param type            order type ({@link OrderType#UNKNOWN} if the broker sent something new)
 * @param quantity        ordered shares, ≥ 0 (a notional order may report 0)
 * @param filledQuantity  shares filled so far, 0 ≤ filled
 * @param stopPrice       trigger price, or null
 * @param limitPrice      limit price, or null
 * @param filledAvgPrice  average fill price, or null before the first fill
 * @param status          current status
 * @param timeInForce     time in force
 * @param createdAt       when the broker created it, or null if unknown
 * @param updatedAt       last change at the broker, or null if unknown
 * @param legs            child orders (the stop-loss leg of an OTO order); empty when none or not requested
 */
public record Order(String brokerOrderId, ClientOrderId clientOrderId, Symbol symbol, OrderSide side, OrderType type,
                    long quantity, long filledQuantity, Price stopPrice, Price limitPrice, BigDecimal filledAvgPrice,
                    OrderStatus status, TimeInForce timeInForce, Instant createdAt, Instant updatedAt,
                    List<Order> legs) {
    public Order {
        Require.nonNull(brokerOrderId, "Order.brokerOrderId");
        if (!(!brokerOrderId.isBlank())) {
            throw new InvalidValueException("Order.brokerOrderId: must not be blank");
        }
        Require.nonNull(clientOrderId, "Order.clientOrderId");
        Require.nonNull(symbol, "Order.symbol");
        Require.nonNull(side, "Order.side");
        Require.nonNull(type, "Order.type");
        Require.nonNull(status, "Order.status");
        Require.nonNull(timeInForce, "Order.timeInForce");
        Require.nonNegative(quantity, "Order.quantity");
        Require.nonNegative(filledQuantity, "Order.filledQuantity");
        if (filledAvgPrice != null) {
            Require.nonNegative(filledAvgPrice, "Order.filledAvgPrice");
        }
        legs = legs == null ? List.of() : List.copyOf(legs);
    }

    /** Shares still to fill (0 when terminal). */
    public long remainingQuantity() {
        return status.isTerminal() ? 0 : Math.max(0, quantity - filledQuantity);
    }

    /** A copy with another status and fill state. */
    public Order with(OrderStatus newStatus, long newFilledQuantity, BigDecimal newFilledAvgPrice, Instant newUpdatedAt) {
        return new Order(brokerOrderId, clientOrderId, symbol, side, type, quantity, newFilledQuantity, stopPrice,
                limitPrice, newFilledAvgPrice, newStatus, timeInForce, createdAt, newUpdatedAt, legs);
    }

    /** A copy with other legs. */
    public Order withLegs(List<Order> newLegs) {
        return new Order(brokerOrderId, clientOrderId, symbol, side, type, quantity, filledQuantity, stopPrice,
                limitPrice, filledAvgPrice, status, timeInForce, createdAt, updatedAt, newLegs);
    }
}
