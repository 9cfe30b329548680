package dev.orb.domain;

import java.time.LocalDate;

/**
 * One regular-session daily bar of a symbol, keyed by the session date (America/New_York).
 *
 * @param symbol the ticker
 * @param date   the session date
 * @param open   opening price
 * @param high   session high
 * @param low    session low
 * @param close  closing price
 * @param volume shares traded that session
 */
public record DailyBar(Symbol symbol, LocalDate date, Price open, Price high, Price low, Price close, long volume) {
    public DailyBar {
        Require.nonNull(symbol, "DailyBar.symbol");
        Require.nonNull(date, "DailyBar.date");
        Require.nonNull(open, "DailyBar.open");
        Require.nonNull(high, "DailyBar.high");
        Require.nonNull(low, "DailyBar.low");
        Require.nonNull(close, "DailyBar.close");
        Ohlc.check("DailyBar", symbol, date, open, high, low, close, volume);
    }
}
