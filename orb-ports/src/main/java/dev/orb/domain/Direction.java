package dev.orb.domain;

/** The direction of a trade: a long buys first, a short sells first. */
public enum Direction {
    LONG,
    SHORT;

    /** The side of the order that opens a position in this direction. */
    public OrderSide entrySide() {
        return this == LONG ? OrderSide.BUY : OrderSide.SELL;
    }

    /** The side of the order that closes (or protects) a position in this direction. */
    public OrderSide exitSide() {
        return this == LONG ? OrderSide.SELL : OrderSide.BUY;
    }

    /** +1 for LONG, -1 for SHORT: multiply a price move by it to get the trader's gain per share. */
    public int sign() {
        return this == LONG ? 1 : -1;
    }

    /** The direction of a signed position quantity. */
    public static Direction ofQuantity(long signedQty) {
        if (signedQty == 0) {
            throw new InvalidValueException("Direction: a zero quantity has no direction");
        }
        return signedQty > 0 ? LONG : SHORT;
    }
}
