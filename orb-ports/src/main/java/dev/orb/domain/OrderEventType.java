package dev.orb.domain;

/** The kinds of order update a broker reports (Alpaca's trade_updates events). */
public enum OrderEventType {
    PENDING_NEW,
    ACCEPTED,
    NEW,
    PARTIAL_FILL,
    FILL,
    DONE_FOR_DAY,
    CANCELED,
    EXPIRED,
    REPLACED,
    REJECTED,
    PENDING_CANCEL,
    PENDING_REPLACE,
    RESTATED,
    HELD,
    /** A snapshot produced by a REST resynchronisation, not a stream event. */
    SNAPSHOT,
    /** Something the broker sent that orb does not know. */
    UNKNOWN;

    public boolean isFill() {
        return this == FILL || this == PARTIAL_FILL;
    }
}
