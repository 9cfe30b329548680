package dev.orb.core.sync;

/** The steps of a {@link NightlySync} run, in order. */
public enum SyncPhase {
    /** Fetching and storing the daily bars of missing sessions (one market-data call per date). */
    DAILY_BARS,
    /** Computing the statistics and the universe of the next session from the stored bars. */
    UNIVERSE,
    /** Backfilling the opening-range volumes of the universe for relative volume. */
    OPENING_VOLUMES
}
