package dev.orb.core.strategy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

import dev.orb.domain.Bar;
import dev.orb.domain.DailyBar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.Direction;
import dev.orb.domain.OpeningRange;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.domain.TradingSession;

/** Small builders for the strategy tests. */
final class Fixtures {
    static final LocalDate DAY = LocalDate.of(2024, 3, 11);
    static final TradingSession SESSION = TradingSession.regular(DAY);

    private Fixtures() {
    }

    static Price p(String value) {
        return Price.of(value);
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** A one-minute bar starting at the New York wall-clock time {@code hhmm} of {@code session}. */
    static Bar minuteBar(String symbol, TradingSession session, String hhmm, String open, String high, String low,
                         String close, long volume) {
        return bar(symbol, session, hhmm, Timeframe.ONE_MINUTE, open, high, low, close, volume);
    }

    static Bar bar(String symbol, TradingSession session, String hhmm, Timeframe timeframe, String open, String high,
                   String low, String close, long volume) {
        return new Bar(Symbol.of(symbol), session.at(LocalTime.parse(hhmm)), timeframe, p(open), p(high), p(low),
                p(close), volume);
    }

    static DailyBar daily(String symbol, LocalDate date, String open, String high, String low, String close,
                          long volume) {
        return new DailyBar(Symbol.of(symbol), date, p(open), p(high), p(low), p(close), volume);
    }

    static DailyStats stats(String symbol, String atr, String avgVolume, String prevClose) {
        return new DailyStats(Symbol.of(symbol), DAY, d(atr), d(avgVolume), p(prevClose));
    }

    /** An opening range on {@link #DAY} with the given prices. */
    static OpeningRange range(String symbol, String open, String high, String low, String close) {
        return new OpeningRange(Symbol.of(symbol), DAY, 5, p(open), p(high), p(low), p(close), 10_000);
    }

    /** A candidate with a 50-dollar range in {@code direction}, ATR 1.00, and the given RVOL. */
    static Candidate candidate(String symbol, Direction direction, Ratio rvol) {
        OpeningRange range = direction == Direction.LONG ? range(symbol, "50.00", "50.50", "49.90", "50.40")
                : range(symbol, "50.00", "50.10", "49.50", "49.60");
        return new Candidate(range, stats(symbol, "1.00", "2000000", "50.00"), direction, rvol);
    }
}
