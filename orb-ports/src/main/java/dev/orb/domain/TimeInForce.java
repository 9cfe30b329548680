package dev.orb.domain;

/** How long an order stays working. orb's entries are DAY orders. */
public enum TimeInForce {
    DAY,
    GTC
}
