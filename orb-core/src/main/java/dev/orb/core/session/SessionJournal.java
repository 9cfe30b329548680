package dev.orb.core.session;

import java.util.List;

import dev.orb.domain.TradingSession;

/**
 * Where a {@link SessionRunner} writes every event before deciding on it, and from which a restarted process
 * reads them back to rebuild the session's state.
 *
 * <p>{@link #record} and {@link #recordAll} must be durable when they return (an acknowledged event is never lost).
 * Called from the runner's thread only.
 */
public interface SessionJournal {
    /** A journal that keeps nothing: for backtests, where the input files are the record. */
    SessionJournal NONE = new SessionJournal() {
        @Override
        public void record(TradingSession session, EngineEvent event) {
        }

        @Override
        public List<EngineEvent> events(TradingSession session) {
            return List.of();
        }
    };

    void record(TradingSession session, EngineEvent event);

    /**
     * Records several events of {@code session}, in order, before the runner decides on the first of them: the
     * events that queued up while the runner was busy. A journal on a database stores them with one commit, all or
     * none; the default records them one by one.
     */
    default void recordAll(TradingSession session, List<EngineEvent> events) {
        for (EngineEvent event : events) {
            record(session, event);
        }
    }

    /** The events recorded for {@code session}, in order. */
    List<EngineEvent> events(TradingSession session);
}
