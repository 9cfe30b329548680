package dev.orb.core.live;

/**
 * What a {@link ScheduledTask} does. When two tasks would fall on the same instant only one is planned: the one
 * declared first here (a reconciliation also refreshes the account, and the scan and EOD matter more than a tick).
 */
public enum TaskKind {
    /** Start the session: subscribe to order updates, rebuild or open it, reconcile (open − {@code live.startLead}). */
    SESSION_START,
    /** Fetch the opening-range bars and feed the scan (open + {@code or.minutes} + {@code live.scanDelay}). */
    SCAN,
    /** Cancel entries and close positions (close − {@code eod.minutesBeforeClose}, early-close aware). */
    EOD,
    /** Close the day and run the nightly data sync (close + {@code live.nightlySyncDelay}). */
    NIGHTLY_SYNC,
    /** Merge the broker's truth (every {@code live.reconcileInterval} while the market is open). */
    RECONCILE,
    /** Feed the account's equity to the engine (every {@code live.accountRefreshInterval} while the market is open). */
    ACCOUNT_REFRESH;

    /** True for the ticks that repeat through the session. */
    public boolean periodic() {
        return this == RECONCILE || this == ACCOUNT_REFRESH;
    }
}
