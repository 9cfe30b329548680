package dev.orb.core.strategy;

import java.time.Instant;
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
import dev.orb.domain.Timeframe;
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

    private static Optional<OpeningRange> of(Symbol symbol, TradingSession session, int minutes, Instant start,
                                             Instant end, List<Bar> bars) {
        Window w = scan(symbol, start, end, bars, new Window());
        if (w.first == null) {
            return Optional.empty();
        }
        return Optional.of(new OpeningRange(symbol, session.date(), minutes, w.first.open(), w.high, w.low,
                w.last.close(), w.volume));
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

    /**
     * The opening range of {@code input}'s symbol {@code i} into {@code out}, for the scan: the same range, checks
     * and messages as {@link #of}, read from the input's columns without creating an object.
     *
     * @param startSecond the session open (epoch seconds; the open is a whole second)
     * @param endSecond   the end of the window
     * @return false when no bar starts exactly at the session open ({@code out} is then meaningless)
     */
    static boolean range(ScanInput input, int i, long startSecond, long endSecond, Columns out) {
        int to = input.barTo(i);
        int first = -1;
        int last = -1;
        long lastSecond = 0;
        int lastNano = 0;
        long high = 0;
        long low = Long.MAX_VALUE;
        long volume = 0;
        long seenMinutes = 0;
        boolean needsFullDuplicateCheck = false;
        int inWindow = 0;
        for (int row = input.barFrom(i); row < to; row++) {
            long second = input.barSecond(row);
            if (second < startSecond || second >= endSecond) {
                continue;
            }
            int nano = input.barNano(row);
            long barEnd = second + 60L * input.barMinutes(row);
            if (barEnd > endSecond || barEnd == endSecond && nano > 0) {
                throw pastEnd(input, i, row, endSecond);
            }
            inWindow++;
            long offset = second - startSecond;
            if (nano == 0 && offset % 60 == 0 && offset / 60 < Long.SIZE) {
                long bit = 1L << (offset / 60);
                if ((seenMinutes & bit) != 0) {
                    throw duplicate(input.symbol(i), input.barStart(row));
                }
                seenMinutes |= bit;
                if (offset == 0) {
                    first = row;
                }
            } else {
                needsFullDuplicateCheck = true;
            }
            if (last < 0 || second > lastSecond || second == lastSecond && nano > lastNano) {
                last = row;
                lastSecond = second;
                lastNano = nano;
            }
            high = Math.max(high, input.barHigh(row));
            low = Math.min(low, input.barLow(row));
            long barVolume = input.barVolume(row);
            long sum = volume + barVolume;
            // both are ≥ 0: a negative sum is an overflow
            if (sum < 0) {
                throw overflow(input.symbol(i), input.barStart(row), new ArithmeticException("long overflow"));
            }
            volume = sum;
        }
        if (needsFullDuplicateCheck && inWindow > 1) {
            checkDuplicates(input, i, startSecond, endSecond);
        }
        if (first < 0) {
            return false;
        }
        out.open = input.barOpen(first);
        out.high = high;
        out.low = low;
        out.close = input.barClose(last);
        out.volume = volume;
        return true;
    }

    private static InvalidValueException pastEnd(ScanInput input, int i, int row, long endSecond) {
        return new InvalidValueException("OpeningRanges: bar of " + input.symbol(i) + " at " + input.barStart(row)
                + " (" + Timeframe.ofMinutes(input.barMinutes(row)) + ") extends past the end of the opening range "
                + Instant.ofEpochSecond(endSecond));
    }

    private static void checkDuplicates(ScanInput input, int i, long startSecond, long endSecond) {
        int to = input.barTo(i);
        for (int a = input.barFrom(i); a < to; a++) {
            long second = input.barSecond(a);
            if (second < startSecond || second >= endSecond) {
                continue;
            }
            for (int b = a + 1; b < to; b++) {
                if (second == input.barSecond(b) && input.barNano(a) == input.barNano(b)) {
                    throw duplicate(input.symbol(i), input.barStart(a));
                }
            }
        }
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

    /** An opening range in nanos, filled by {@link #range(ScanInput, int, long, long, Columns)}; reused. */
    static final class Columns {
        long open;
        long high;
        long low;
        long close;
        long volume;
    }

    /** What one pass over a symbol's bars found. */
    static final class Window {
        Bar first;
        Bar last;
        Price high;
        Price low;
        long volume;
    }
}
