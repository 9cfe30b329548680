package dev.orb.domain;

/** The order types orb sends or recognises. */
public enum OrderType {
    MARKET,
    LIMIT,
    STOP,
    STOP_LIMIT,
    TRAILING_STOP,
    /** A type the broker reported that orb does not know; never sent. */
    UNKNOWN
}
