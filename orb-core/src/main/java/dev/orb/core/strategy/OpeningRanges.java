package dev.orb.core.strategy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

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
        Window w = scan(bars.get(0).symbol(), start, start.plusSeconds(60L * minutes), bars, new Window());
        return w.volume;
    }

    /** {@link #of} with the window's instants computed once by the caller. */
    static Optional<OpeningRange> of(Symbol symbol, TradingSession session, int minutes, Instant start, Instant end,
                                     List<Bar> bars) {
        return Optional.ofNullable(rangeOrNull(symbol, session.date(), minutes, start, end, bars, new Window()));
    }

    /**
     * {@link #of} for the scan: the window's instants computed once, {@code window} reused from symbol to symbol,
     * and null instead of an empty {@link Optional}.
     */
    static OpeningRange rangeOrNull(Symbol symbol, LocalDate session, int minutes, Instant start, Instant end,
                                    List<Bar> bars, Window window) {
        Window w = scan(symbol, start, end, bars, window);
        if (w.first == null) {
            return null;
        }
        return new OpeningRange(symbol, session, minutes, w.first.open(), w.high, w.low, w.last.close(), w.volume);
    }

    /**
     * One pass over the bars. The running values are locals (a field store per bar costs a GC barrier), and the
     * error messages are built in separate methods, so that the loop stays small enough for the JIT.
     */
    private static Window scan(Symbol symbol, Instant start, Instant end, List<Bar> bars, Window w) {
        List<Bar> list = bars instanceof RandomAccess ? bars : new ArrayList<>(bars);
        long startSecond = start.getEpochSecond();
        long endSecond = end.getEpochSecond();
        int endNano = end.getNano();
        Bar first = null;
        Bar last = null;
        Instant lastStart = null;
        // keep the bars' own Price objects: constructing a Price is not free
        Price high = null;
        Price low = null;
        long volume = 0;
        // Bits of whole-minute offsets already seen; a bar that does not fit forces the quadratic fallback check.
        long seenMinutes = 0;
        boolean needsFullDuplicateCheck = false;
        int inWindow = 0;
        for (int i = 0, n = list.size(); i < n; i++) {
            Bar bar = list.get(i);
            Objects.requireNonNull(bar, "bars contains null");
            if (bar.symbol() != symbol && !bar.symbol().equals(symbol)) {
                throw otherSymbol(symbol, bar);
            }
            Instant barStart = bar.start();
            if (barStart.compareTo(start) < 0 || barStart.compareTo(end) >= 0) {
                continue;
            }
            // bar.end() would allocate; compare epoch seconds (and nanos) directly
            long second = barStart.getEpochSecond();
            int nano = barStart.getNano();
            long barEndSecond = second + 60L * bar.timeframe().minutes();
            if (barEndSecond > endSecond || barEndSecond == endSecond && nano > endNano) {
                throw pastEnd(symbol, bar, end);
            }
            inWindow++;
            long offset = second - startSecond;
            if (nano == 0 && offset % 60 == 0 && offset / 60 < Long.SIZE) {
                long bit = 1L << (offset / 60);
                if ((seenMinutes & bit) != 0) {
                    throw duplicate(symbol, barStart);
                }
                seenMinutes |= bit;
                if (offset == 0) {
                    first = bar;
                }
            } else {
                needsFullDuplicateCheck = true;
            }
            if (last == null || barStart.isAfter(lastStart)) {
                last = bar;
                lastStart = barStart;
            }
            Price barHigh = bar.high();
            if (high == null || barHigh.isAbove(high)) {
                high = barHigh;
            }
            Price barLow = bar.low();
            if (low == null || barLow.isBelow(low)) {
                low = barLow;
            }
            try {
                volume = Math.addExact(volume, bar.volume());
            } catch (ArithmeticException e) {
                throw overflow(symbol, barStart, e);
            }
        }
        if (needsFullDuplicateCheck && inWindow > 1) {
            checkDuplicates(symbol, start, end, list);
        }
        w.first = first;
        w.last = last;
        w.high = high;
        w.low = low;
        w.volume = volume;
        return w;
    }

    private static InvalidValueException otherSymbol(Symbol symbol, Bar bar) {
        return new InvalidValueException("OpeningRanges: bar of " + bar.symbol() + " at " + bar.start()
                + " among the bars of " + symbol);
    }

    private static InvalidValueException pastEnd(Symbol symbol, Bar bar, Instant end) {
        return new InvalidValueException("OpeningRanges: bar of " + symbol + " at " + bar.start() + " ("
                + bar.timeframe() + ") extends past the end of the opening range " + end);
    }

    private static InvalidValueException overflow(Symbol symbol, Instant barStart, ArithmeticException e) {
        return new InvalidValueException("OpeningRanges: volume of " + symbol + " overflows at " + barStart, e);
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

    /** What one pass over a symbol's bars found; reused from symbol to symbol by the scan. */
    static final class Window {
        Bar first;
        Bar last;
        Price high;
        Price low;
        long volume;
    }
}
