package dev.orb.core.sync;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link NightlySync} run did. A failed run keeps what it stored before failing (dates fetched, and the
 * universe when the failure came later); its {@link #failure()} says what went wrong.
 *
 * @param session        the trading day the universe was computed for (the next session)
 * @param outcome        completed or failed
 * @param failure        the reason of a failure; empty when completed
 * @param dailyBars      the daily-bar phase
 * @param universe       the universe phase; all zero when the run failed before it
 * @param openingVolumes the opening-range-volume phase; all zero when skipped or not reached
 * @param requestsMade   requests sent to the data vendor (see {@link VendorCounters}), else market-data calls
 * @param rowsSkipped    invalid rows skipped: by the vendor adapter (when it reports them) and by the sync
 * @param elapsed        duration of the run on the {@link dev.orb.ports.OrbClock}
 */
public record SyncReport(LocalDate session, Outcome outcome, Optional<String> failure, DailyBars dailyBars,
                         Universe universe, OpeningVolumes openingVolumes, long requestsMade, long rowsSkipped,
                         Duration elapsed) {
    public SyncReport {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(dailyBars, "dailyBars");
        Objects.requireNonNull(universe, "universe");
        Objects.requireNonNull(openingVolumes, "openingVolumes");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** How a run ended. */
    public enum Outcome {
        COMPLETED,
        FAILED
    }

    /** True when every phase completed. */
    public boolean completed() {
        return outcome == Outcome.COMPLETED;
    }

    /**
     * The daily-bar phase.
     *
     * @param from          first session of the window
     * @param to            last session of the window (the session before {@link SyncReport#session()})
     * @param sessions      sessions in the window
     * @param alreadyStored sessions that had bars stored before the run and were not fetched
     * @param fetched       sessions fetched (one market-data call each)
     * @param empty         fetched sessions for which the market data returned no bars
     * @param barsStored    daily bars written
     * @param barsDeleted   daily bars deleted because they were older than the window
     */
    public record DailyBars(LocalDate from, LocalDate to, int sessions, int alreadyStored, int fetched,
                            List<LocalDate> empty, long barsStored, int barsDeleted) {
        public DailyBars {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            empty = List.copyOf(empty);
        }
    }

    /**
     * The universe phase.
     *
     * @param symbolsEvaluated    symbols with a bar in the window
     * @param insufficientHistory symbols without bars in each of the last {@code atr.period + 1} sessions
     * @param rejected            symbols that failed the universe filter
     * @param eligible            symbols stored as the universe
     */
    public record Universe(int symbolsEvaluated, int insufficientHistory, int rejected, int eligible) {
        static final Universe NONE = new Universe(0, 0, 0, 0);
    }

    /**
     * The opening-range-volume phase (RVOL history).
     *
     * @param sessions        sessions of the look-back ({@code rvol.lookback})
     * @param alreadyStored   sessions stored before the run
     * @param sessionsSaved   sessions written (missing ones, and stored ones completed for more symbols)
     * @param gapsFilled      (symbol, stored session) pairs fetched because the symbol had no volume stored there
     * @param marketDataCalls intraday market-data calls made
     * @param symbolsSkipped  (symbol, session) volumes left out because the bars were invalid
     */
    public record OpeningVolumes(int sessions, int alreadyStored, int sessionsSaved, int gapsFilled,
                                 int marketDataCalls, int symbolsSkipped) {
        static final OpeningVolumes NONE = new OpeningVolumes(0, 0, 0, 0, 0, 0);
    }
}
