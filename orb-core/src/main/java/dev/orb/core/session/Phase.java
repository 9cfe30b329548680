package dev.orb.core.session;

/** Where a session is in its day. */
public enum Phase {
    /** Before {@link EngineEvent.SessionOpened}. */
    NOT_STARTED,
    /** Open, waiting for the opening range to complete. */
    AWAITING_SCAN,
    /** Entries placed (or none); positions managed. */
    TRADING,
    /** EOD reached: entries cancelled, positions being closed. */
    CLOSING,
    /** Flat after EOD; the day's metrics are recorded. */
    CLOSED
}
