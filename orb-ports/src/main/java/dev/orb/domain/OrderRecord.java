package dev.orb.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * orb's record of one of its orders, from the moment it decides to send it (broker id still null) to its
 * final status.
 *
 * @param clientOrderId  the unique key
 * @param session        session date
 * @param symbol         the ticker
 * @param purpose        entry, protective stop or exit
 * @param side           buy or sell
 * @param type           order type
 * @param quantity       ordered shares
 * @param stopPrice      trigger, or null
 * @param stopLossPrice  OTO stop-loss leg, or null
 * @param brokerOrderId  the broker's id once acknowledged, else null
 * @param status         last known status ({@link OrderStatus#PENDING_NEW} before the broker answered)
 * @param filledQuantity shares filled
 * @param filledAvgPrice average fill price, or null
 * @param submittedAt    when orb sent it
 * @param acknowledgedAt when the broker acknowledged it, or null
 * @param updatedAt      last change
 * @param rejectReason   the broker's or a check's reason when rejected, else null
 */
public record OrderRecord(ClientOrderId clientOrderId, LocalDate session, Symbol symbol, OrderPurpose purpose,
                          OrderSide side, OrderType type, long quantity, Price stopPrice, Price stopLossPrice,
                          String brokerOrderId, OrderStatus status, long filledQuantity, BigDecimal filledAvgPrice,
                          Instant submittedAt, Instant acknowledgedAt, Instant updatedAt, String rejectReason) {
    public OrderRecord {
        Require.nonNull(clientOrderId, "OrderRecord.clientOrderId");
        Require.nonNull(session, "OrderRecord.session");
        Require.nonNull(symbol, "OrderRecord.symbol");
        Require.nonNull(purpose, "OrderRecord.purpose");
        Require.nonNull(side, "OrderRecord.side");
        Require.nonNull(type, "OrderRecord.type");
        Require.positive(quantity, "OrderRecord.quantity");
        Require.nonNull(status, "OrderRecord.status");
        Require.nonNegative(filledQuantity, "OrderRecord.filledQuantity");
        Require.nonNull(submittedAt, "OrderRecord.submittedAt");
        Require.nonNull(updatedAt, "OrderRecord.updatedAt");
    }

    /** The record of a request just decided, before the broker answered. */
    public static OrderRecord pending(OrderRequest request, LocalDate session, OrderPurpose purpose, Instant at) {
        return new OrderRecord(request.clientOrderId(), session, request.symbol(), purpose, request.side(),
                request.type(), request.quantity(), request.stopPrice(), request.stopLossPrice(), null,
                OrderStatus.PENDING_NEW, 0, null, at, null, at, null);
    }

    /** A copy updated from the broker's view of the order. */
    public OrderRecord update(Order order, Instant at) {
        return new OrderRecord(clientOrderId, session, symbol, purpose, side, type, quantity, stopPrice, stopLossPrice,
                order.brokerOrderId(), order.status(), order.filledQuantity(), order.filledAvgPrice(), submittedAt,
                acknowledgedAt != null ? acknowledgedAt : at, at, rejectReason);
    }

    /** A copy marked rejected with a reason. */
    public OrderRecord rejected(String reason, Instant at) {
        return new OrderRecord(clientOrderId, session, symbol, purpose, side, type, quantity, stopPrice, stopLossPrice,
                brokerOrderId, OrderStatus.REJECTED, filledQuantity, filledAvgPrice, submittedAt, acknowledgedAt, at,
                reason);
    }
}
