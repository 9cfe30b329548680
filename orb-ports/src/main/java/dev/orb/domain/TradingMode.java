package dev.orb.domain;

/** Which broker environment orders go to. */
public enum TradingMode {
    PAPER,
    LIVE
}
