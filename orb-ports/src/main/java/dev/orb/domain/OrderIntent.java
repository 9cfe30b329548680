package dev.orb.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the strategy wants to trade: a stop entry with its protective stop (strategy.md §6–7). Both prices are
 * on the exchange tick and the stop lies on the losing side of the entry; validated here so that an invalid
 * intent can never reach a broker.
 *
 * @param clientOrderId   deterministic id of the entry order
 * @param session         the session date
 * @param symbol          the ticker
 * @param direction       LONG (buy-stop entry) or SHORT (sell-stop entry)
 * @param entryStop       the entry's stop (trigger) price
 * @param protectiveStop  the stop-loss price
 * @param shares          whole shares, ≥ 1
 * @param timeInForce     DAY for orb's entries
 */
public record OrderIntent(ClientOrderId clientOrderId, LocalDate session, Symbol symbol, Direction direction,
                          Price entryStop, Price protectiveStop, long shares, TimeInForce timeInForce) {
    public OrderIntent {
        Require.nonNull(clientOrderId, "OrderIntent.clientOrderId");
        Require.nonNull(session, "OrderIntent.session");
        Require.nonNull(symbol, "OrderIntent.symbol");
        Require.nonNull(direction, "OrderIntent.direction");
        Require.nonNull(entryStop, "OrderIntent.entryStop");
        Require.nonNull(protectiveStop, "OrderIntent.protectiveStop");
        Require.nonNull(timeInForce, "OrderIntent.timeInForce");
        Require.positive(shares, "OrderIntent.shares");
        if (!(entryStop.isOnTick())) {
            throw new InvalidValueException("OrderIntent.entryStop: " + entryStop + " is not on the tick (" + symbol + ")");
        }
        if (!(protectiveStop.isOnTick())) {
            throw new InvalidValueException("OrderIntent.protectiveStop: " + protectiveStop + " is not on the tick (" + symbol + ")");
        }
        boolean stopOnLosingSide = direction == Direction.LONG ? protectiveStop.isBelow(entryStop)
                : protectiveStop.isAbove(entryStop);
        if (!(stopOnLosingSide)) {
            throw new InvalidValueException("OrderIntent.protectiveStop: " + protectiveStop + " must be "
                + (direction == Direction.LONG ? "below" : "above") + " the entry " + entryStop + " of a " + direction
                + " (" + symbol + ")");
        }
    }

    /** |entry − stop| per share, exact. */
    public BigDecimal riskPerShare() {
        return entryStop.toBigDecimal().subtract(protectiveStop.toBigDecimal()).abs();
    }

    /** Shares × |entry − stop|, exact: what this trade loses if it stops out at the planned price. */
    public BigDecimal plannedRisk() {
        return riskPerShare().multiply(BigDecimal.valueOf(shares));
    }

    /** Entry price × shares, exact. */
    public BigDecimal notional() {
        return entryStop.toBigDecimal().multiply(BigDecimal.valueOf(shares));
    }
}
