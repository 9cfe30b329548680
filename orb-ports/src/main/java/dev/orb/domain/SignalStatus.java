package dev.orb.domain;

/** What became of a selected candidate. */
public enum SignalStatus {
    /** The entry order was handed to the broker. */
    SUBMITTED,
    /** A pre-trade check or limit refused it; the reason is recorded. */
    REJECTED,
    /** It yields no order (zero stop distance, fewer than one share). */
    SKIPPED
}
