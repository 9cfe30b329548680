package dev.orb.ports.query;

/** Whether a trade's position is still open (no exit yet) or closed. */
public enum TradeStatus {
    OPEN,
    CLOSED
}
