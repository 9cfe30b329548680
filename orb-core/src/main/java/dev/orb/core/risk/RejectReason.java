package dev.orb.core.risk;

/** Why a pre-trade check refused an entry order, in the order the checks run (safety.md). */
public enum RejectReason {
    /** The kill switch is engaged. */
    KILL_SWITCH,
    /** Outside the entry window of a trading session. */
    MARKET_CLOSED,
    /** The broker blocks the account or its trading. */
    ACCOUNT_BLOCKED,
    /** A price is not positive, not on the tick, or the stop is on the wrong side of the entry. */
    INVALID_PRICE,
    /** Fewer than one share. */
    ZERO_SHARES,
    /** An entry for this symbol was already sent this session. */
    DUPLICATE_ENTRY,
    /** The broker does not trade the symbol. */
    NOT_TRADABLE,
    /** A short of a symbol that is not shortable or not easy to borrow, or shorting is not allowed. */
    NOT_SHORTABLE,
    /** The pattern-day-trader rule would be hit. */
    PATTERN_DAY_TRADER,
    /** Open positions plus working entries would exceed {@code risk.maxPositions}. */
    MAX_POSITIONS,
    /** Gross notional would exceed {@code sizing.maxLeverage} × start-of-day equity. */
    LEVERAGE_CAP,
    /** Working entries would exceed the broker's buying power. */
    BUYING_POWER
}
