package dev.orb.core.live;

/** Where a {@link TradingDay} is. */
public enum DayStatus {
    /** Created; {@link TradingDay#start()} not yet called. */
    NOT_STARTED,
    /** The start-up reconciliation failed: no trading; each tick retries it. */
    REFUSED,
    /** Reconciled and driving the session. */
    RUNNING,
    /** {@link TradingDay#close()} was called: nothing more is fed. */
    CLOSED
}
