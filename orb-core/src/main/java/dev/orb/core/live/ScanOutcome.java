package dev.orb.core.live;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link TradingDay#scan()} did.
 *
 * @param status  the outcome
 * @param at      when it ended
 * @param symbols symbols in the universe fed to the engine (0 unless {@link Status#FED})
 * @param detail  a sentence for the operator (empty when there is nothing to add)
 */
public record ScanOutcome(Status status, Instant at, int symbols, String detail) {
    public ScanOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
    }

    /** Why a scan was or was not fed. */
    public enum Status {
        /** The scan's inputs were fed to the engine ({@code EngineEvent.ScanReady}); the engine placed the entries. */
        FED(false),
        /** The day has not passed its start-up reconciliation: nothing is fed before one succeeds. */
        NOT_STARTED(false),
        /** The session is past its scan (scanned before a restart, or closing): nothing to do. */
        PAST_SCAN(false),
        /** Reconciled only after the scan time and {@code live.allowLateEntries} is false: no entries today. */
        LATE_START(false),
        /** The day was closed. */
        CLOSED(false),
        /** No universe is stored for the session (the nightly sync did not run or failed). */
        NO_UNIVERSE(true),
        /** Opening-range volumes of some of the previous {@code rvol.lookback} sessions are not stored. */
        MISSING_RVOL_HISTORY(true),
        /** Market data failed to deliver the opening-range bars. */
        DATA_UNAVAILABLE(true),
        /** No symbol has a bar for the last minute of the opening range yet: the vendor has not published it. */
        INCOMPLETE_BARS(true),
        /** The {@link AssetSource} failed. */
        ASSETS_UNAVAILABLE(true);

        private final boolean retried;

        Status(boolean retried) {
            this.retried = retried;
        }

        /** True when the day tries the scan again on its next tick while the entry window is open. */
        public boolean retried() {
            return retried;
        }
    }
}
