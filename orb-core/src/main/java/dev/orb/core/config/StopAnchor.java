package dev.orb.core.config;

/** Where the protective stop sits after the entry fills (strategy.md §6). */
public enum StopAnchor {
    /** The stop stays at the planned level, entry − fraction × ATR (default). */
    PLANNED_ENTRY,
    /** The stop is moved to fill price − fraction × ATR after the fill, as published. */
    FILL_PRICE
}
