package dev.orb.core.config;

/** How relative volume is measured (strategy.md §4). */
public enum RvolMethod {
    /** Today's opening-range volume over the mean opening-range volume of the 14 previous sessions (default). */
    OPENING_RANGE,
    /** Opening-range volume × (390 / N) over the 14-day average daily volume (the original design's shortcut). */
    DAILY_APPROX
}
