package dev.orb.sim.synth;

import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;

/**
 * Receives a generated market session by session. Within a session: every minute bar (pre-market, regular,
 * post-market) grouped by symbol in ascending symbol order and by time within a symbol, then the daily bars in
 * ascending symbol order. Prices are nano-dollars, times epoch nanoseconds.
 */
interface SessionSink {
    void beginSession(TradingSession session);

    void minuteBar(Symbol symbol, long start, long open, long high, long low, long close, long volume,
                   long transactions);

    void dailyBar(Symbol symbol, long windowStart, long open, long high, long low, long close, long volume,
                  long transactions);

    void endSession(TradingSession session);
}
