package dev.orb.core.config;

/** How ATR14 is averaged (strategy.md §1). */
public enum AtrMethod {
    /** Simple mean of the 14 most recent true ranges (default). */
    SIMPLE,
    /** Wilder smoothing, seeded with the simple mean of the first 14 true ranges available. */
    WILDER
}
