package dev.orb.core.session;

import java.util.List;

import dev.orb.domain.TradingSession;

/**
 * Where a {@link SessionRunner} writes every event before deciding on it, and from which a restarted process
 * reads them back to rebuild the session's state.
 *
 * <p>{@link #record} must be durable when it returns (an acknowledged event is never lost). Called from the
 * runner's thread only.
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

    /** The events recorded for {@code session}, in order. */
    List<EngineEvent> events(TradingSession session);
}
