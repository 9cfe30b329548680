package dev.orb.sim.backtest;

import java.time.LocalDate;
import java.util.List;

/**
 * Observes a running backtest, e.g. for a progress bar. Called on the thread that runs the backtest, between
 * sessions; implementations must be quick. Every method has a no-op default.
 */
public interface BacktestListener {
    /** A listener that ignores everything. */
    BacktestListener NONE = new BacktestListener() {
    };

    /** The run starts over {@code sessions} (in order), the first {@code warmupSessions} of which cannot trade. */
    default void onStart(List<LocalDate> sessions, int warmupSessions) {
    }

    /**
     * Session {@code done} of {@code total} (1-based) was read and, after the warm-up, simulated.
     *
     * @param minuteRows minute-file rows read so far (all of them, pre- and post-market included)
     * @param trades     trades closed so far
     */
    default void onSessionDone(int done, int total, LocalDate session, long minuteRows, int trades) {
    }
}
