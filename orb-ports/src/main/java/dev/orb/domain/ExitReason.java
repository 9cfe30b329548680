package dev.orb.domain;

/** Why a position was closed. */
public enum ExitReason {
    /** The protective stop filled. */
    STOP,
    /** End of day: close − 5 minutes. */
    EOD,
    /** An operator closed this one position. */
    FORCE_CLOSE,
    /** An operator (or the daily loss limit) flattened everything. */
    FLATTEN
}
