package dev.orb.domain;

import java.math.BigDecimal;

/**
 * An open position at the broker.
 *
 * @param symbol        the ticker
 * @param quantity      signed shares: positive long, negative short, never 0
 * @param avgEntryPrice average entry price, exact
 * @param currentPrice  last price, or null when unknown
 */
public record Position(Symbol symbol, long quantity, BigDecimal avgEntryPrice, BigDecimal currentPrice) {
    public Position {
        Require.nonNull(symbol, "Position.symbol");
        if (!(quantity != 0)) {
            throw new InvalidValueException("Position.quantity: must not be 0 (" + symbol + ")");
        }
        Require.positive(avgEntryPrice, "Position.avgEntryPrice");
        if (currentPrice != null) {
            Require.positive(currentPrice, "Position.currentPrice");
        }
    }

    public Direction direction() {
        return Direction.ofQuantity(quantity);
    }

    /** Unsigned share count. */
    public long shares() {
        return Math.abs(quantity);
    }

    /** (current − average) × signed quantity; zero when the current price is unknown. */
    public BigDecimal unrealizedPnl() {
        if (currentPrice == null) {
            return BigDecimal.ZERO;
        }
        return currentPrice.subtract(avgEntryPrice).multiply(BigDecimal.valueOf(quantity));
    }

    /** |quantity| × (current price, or the entry price when unknown). */
    public BigDecimal grossNotional() {
        BigDecimal mark = currentPrice != null ? currentPrice : avgEntryPrice;
        return mark.multiply(BigDecimal.valueOf(shares()));
    }
}
