package dev.orb.sim.synth;

import java.util.ArrayList;
import java.util.List;

import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;

/** Keeps everything a generator emits, in order, for assertions. */
final class RecordingSink implements SessionSink {
    /** One emitted row; prices in nanos, times in epoch nanos. */
    record Row(Symbol symbol, long start, long open, long high, long low, long close, long volume, long transactions) {
    }

    /** One session as emitted. */
    record Session(TradingSession session, List<Row> minutes, List<Row> daily) {
    }

    final List<Session> sessions = new ArrayList<>();
    private Session current;

    @Override
    public void beginSession(TradingSession session) {
        current = new Session(session, new ArrayList<>(), new ArrayList<>());
    }

    @Override
    public void minuteBar(Symbol symbol, long start, long open, long high, long low, long close, long volume,
                          long transactions) {
        current.minutes().add(new Row(symbol, start, open, high, low, close, volume, transactions));
    }

    @Override
    public void dailyBar(Symbol symbol, long windowStart, long open, long high, long low, long close, long volume,
                         long transactions) {
        current.daily().add(new Row(symbol, windowStart, open, high, low, close, volume, transactions));
    }

    @Override
    public void endSession(TradingSession session) {
        sessions.add(current);
        current = null;
    }
}
