package dev.orb.domain;

/**
 * An order as sent to a broker. Built from an {@link OrderIntent} ({@link #entry}) or for protection and
 * exits ({@link #protectiveStop}, {@link #market}); validated so that nothing off the tick or without a
 * required price is ever sent.
 *
 * @param clientOrderId idempotency key
 * @param symbol        the ticker
 * @param side          buy or sell
 * @param type          MARKET, STOP, LIMIT or STOP_LIMIT
 * @param quantity      whole shares, ≥ 1
 * @param stopPrice     trigger price for STOP and STOP_LIMIT, else null
 * @param limitPrice    limit for LIMIT and STOP_LIMIT, else null
 * @param timeInForce   DAY or GTC
 * @param stopLossPrice the stop-loss leg of a one-triggers-other order, or null for a simple order
 */
public record OrderRequest(ClientOrderId clientOrderId, Symbol symbol, OrderSide side, OrderType type, long quantity,
                           Price stopPrice, Price limitPrice, TimeInForce timeInForce, Price stopLossPrice) {
    public OrderRequest {
        Require.nonNull(clientOrderId, "OrderRequest.clientOrderId");
        Require.nonNull(symbol, "OrderRequest.symbol");
        Require.nonNull(side, "OrderRequest.side");
        Require.nonNull(type, "OrderRequest.type");
        Require.nonNull(timeInForce, "OrderRequest.timeInForce");
        Require.positive(quantity, "OrderRequest.quantity");
        String where = " (" + clientOrderId + ")";
        if (!(type != OrderType.UNKNOWN && type != OrderType.TRAILING_STOP)) {
            throw new InvalidValueException("OrderRequest.type: " + type + " cannot be sent" + where);
        }
        boolean needsStop = type == OrderType.STOP || type == OrderType.STOP_LIMIT;
        boolean needsLimit = type == OrderType.LIMIT || type == OrderType.STOP_LIMIT;
        if (!(needsStop == (stopPrice != null))) {
            throw new InvalidValueException("OrderRequest.stopPrice: " + stopPrice + (needsStop ? " is required" : " is not allowed") + " for " + type + where);
        }
        if (!(needsLimit == (limitPrice != null))) {
            throw new InvalidValueException("OrderRequest.limitPrice: " + limitPrice + (needsLimit ? " is required" : " is not allowed") + " for " + type + where);
        }
        onTick(stopPrice, "OrderRequest.stopPrice", where);
        onTick(limitPrice, "OrderRequest.limitPrice", where);
        onTick(stopLossPrice, "OrderRequest.stopLossPrice", where);
        if (stopLossPrice != null && stopPrice != null) {
            boolean losingSide = side == OrderSide.BUY ? stopLossPrice.isBelow(stopPrice) : stopLossPrice.isAbove(stopPrice);
            if (!(losingSide)) {
                throw new InvalidValueException("OrderRequest.stopLossPrice: " + stopLossPrice + " must be "
                    + (side == OrderSide.BUY ? "below" : "above") + " the entry stop " + stopPrice + where);
            }
        }
    }

    /** The broker-side one-triggers-other order of an intent: stop entry plus stop-loss leg. */
    public static OrderRequest entry(OrderIntent intent) {
        return new OrderRequest(intent.clientOrderId(), intent.symbol(), intent.direction().entrySide(), OrderType.STOP,
                intent.shares(), intent.entryStop(), null, intent.timeInForce(), intent.protectiveStop());
    }

    /** A stand-alone protective stop for an open position. */
    public static OrderRequest protectiveStop(ClientOrderId id, Symbol symbol, OrderSide side, long quantity, Price stop) {
        return new OrderRequest(id, symbol, side, OrderType.STOP, quantity, stop, null, TimeInForce.DAY, null);
    }

    /** A DAY market order. */
    public static OrderRequest market(ClientOrderId id, Symbol symbol, OrderSide side, long quantity) {
        return new OrderRequest(id, symbol, side, OrderType.MARKET, quantity, null, null, TimeInForce.DAY, null);
    }

    /** True for a one-triggers-other order (it carries a stop-loss leg). */
    public boolean isOneTriggersOther() {
        return stopLossPrice != null;
    }

    private static void onTick(Price price, String field, String where) {
        if (price != null) {
            if (!(price.isOnTick())) {
                throw new InvalidValueException(field + ": " + price + " is not on the tick" + where);
            }
        }
    }
}
