package dev.orb.core.strategy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.orb.domain.Bar;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.OpeningRange;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;

/**
 * The opening range of strategy.md §3: the bars that <em>start</em> in {@code [open, open + N minutes)} of the
 * session (New York time, so daylight saving is handled by the session's instants).
 *
 * <p>Bars may come in any order and any timeframe, as long as each bar that starts in the window also ends in
 * it (a 5-minute bar for N = 5, 15, …; 1-minute bars for any N); bars outside the window (pre-market, later in
 * the day) are ignored. Stateless and thread-safe.
 */
public final class OpeningRanges {
    private OpeningRanges() {
    }

    /**
     * The opening range of {@code symbol}: open of the bar that starts exactly at the session open, high/low the
     * max/min of the window, close of the last bar in the window, volume the sum.
     *
     * @param minutes the window length N, 1..390
     * @param bars    intraday bars of {@code symbol}, any order, any range of the day
     * @return empty when no bar starts exactly at the session open (the symbol is ineligible that day)
     * @throws InvalidValueException if two bars start at the same time, a bar is of another symbol, or a bar in
     *     the window extends past its end; the message names the symbol and the time
     */
    public static Optional<OpeningRange> of(Symbol symbol, TradingSession session, int minutes, List<Bar> bars) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(bars, "bars");
        checkMinutes(minutes);
        Instant start = session.openInstant();
        return of(symbol, session, minutes, start, start.plusSeconds(60L * minutes), bars);
    }

    /**
     * The total volume of the bars that start in the window, whether or not the bar at the session open exists
     * (0 when there is none): a previous session's opening-range volume for RVOL (backtest-semantics.md step 3).
     *
     * @param bars intraday bars of one symbol, any order
     * @throws InvalidValueException as {@link #of}: bars of more than one symbol, two bars with the same start,
     *     or a bar extending past the window
     */
    public static long windowVolume(TradingSession session, int minutes, List<Bar> bars) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(bars, "bars");
        checkMinutes(minutes);
        if (bars.isEmpty()) {
            return 0;
        }
        Instant start = session.openInstant();
        Window w = scan(bars.get(0).symbol(), start, start.plusSeconds(60L * minutes), bars);
        return w.volume;
    }

    /** {@link #of} with the window's instants computed once by the caller. */
    static Optional<OpeningRange> of(Symbol symbol, TradingSession session, int minutes, Instant start, Instant end,
                                     List<Bar> bars) {
        Window w = scan(symbol, start, end, bars);
        if (w.first == null) {
            return Optional.empty();
        }
        return Optional.of(new OpeningRange(symbol, session.date(), minutes, w.first.open(),
                w.high, w.low, w.last.close(), w.volume));
    }

    private static Window scan(Symbol symbol, Instant start, Instant end, List<Bar> bars) {
        Window w = new Window();
        long startSecond = start.getEpochSecond();
        long endSecond = end.getEpochSecond();
        int endNano = end.getNano();
        // Bits of whole-minute offsets already seen; a bar that does not fit forces the quadratic fallback check.
        long seenMinutes = 0;
        boolean needsFullDuplicateCheck = false;
        int inWindow = 0;
        for (Bar bar : bars) {
            Objects.requireNonNull(bar, "bars contains null");
            if (bar.symbol() != symbol && !bar.symbol().equals(symbol)) {
                throw new InvalidValueException("OpeningRanges: bar of " + bar.symbol() + " at " + bar.start()
                        + " among the bars of " + symbol);
            }
            Instant barStart = bar.start();
            if (barStart.compareTo(start) < 0 || barStart.compareTo(end) >= 0) {
                continue;
            }
            // bar.end() would allocate; compare epoch seconds (and nanos) directly
            long barEndSecond = barStart.getEpochSecond() + 60L * bar.timeframe().minutes();
            if (barEndSecond > endSecond || barEndSecond == endSecond && barStart.getNano() > endNano) {
                throw new InvalidValueException("OpeningRanges: bar of " + symbol + " at " + barStart + " ("
                        + bar.timeframe() + ") extends past the end of the opening range " + end);
            }
            inWindow++;
            long offset = barStart.getEpochSecond() - startSecond;
            if (barStart.getNano() == 0 && offset % 60 == 0 && offset / 60 < Long.SIZE) {
                long bit = 1L << (offset / 60);
                if ((seenMinutes & bit) != 0) {
                    throw duplicate(symbol, barStart);
                }
                seenMinutes |= bit;
            } else {
                needsFullDuplicateCheck = true;
            }
            if (offset == 0 && barStart.getNano() == 0) {
                w.first = bar;
            }
            if (w.last == null || barStart.isAfter(w.last.start())) {
                w.last = bar;
            }
            // keep the bars' own Price objects: constructing a Price is not free
            if (w.high == null || bar.high().isAbove(w.high)) {
                w.high = bar.high();
            }
            if (w.low == null || bar.low().isBelow(w.low)) {
                w.low = bar.low();
            }
            try {
                w.volume = Math.addExact(w.volume, bar.volume());
            } catch (ArithmeticException e) {
                throw new InvalidValueException("OpeningRanges: volume of " + symbol + " overflows at " + barStart, e);
            }
        }
        if (needsFullDuplicateCheck && inWindow > 1) {
            checkDuplicates(symbol, start, end, bars);
        }
        return w;
    }

    private static void checkDuplicates(Symbol symbol, Instant start, Instant end, List<Bar> bars) {
        for (int i = 0; i < bars.size(); i++) {
            Instant a = bars.get(i).start();
            if (a.compareTo(start) < 0 || a.compareTo(end) >= 0) {
                continue;
            }
            for (int j = i + 1; j < bars.size(); j++) {
                if (a.equals(bars.get(j).start())) {
                    throw duplicate(symbol, a);
                }
            }
        }
    }

    private static InvalidValueException duplicate(Symbol symbol, Instant start) {
        return new InvalidValueException("OpeningRanges: two bars of " + symbol + " start at " + start);
    }

    private static void checkMinutes(int minutes) {
        if (minutes < 1 || minutes > 390) {
            throw new InvalidValueException("OpeningRanges.minutes: " + minutes + " must be in 1..390");
        }
    }

    /** Accumulator of one pass over the bars. */
    private static final class Window {
        Bar first;
        Bar last;
        Price high;
        Price low;
        long volume;
    }
}
