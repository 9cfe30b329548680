package dev.orb.core.strategy;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

import dev.orb.domain.Bar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.Symbol;

/**
 * The next {@value #SIZE} universe entries of a scan, with their bars and volume histories looked up and every
 * object the scan will read touched once, before the scan does its real work on them.
 *
 * <p>Why: a scan is bound by memory latency, not arithmetic. Its input is some 50 objects per symbol (map nodes,
 * statistics, bars, their instants and prices, the history array) spread over the heap. Reading them inside the
 * scan's per-symbol logic fetches them one dependent cache miss after another; this short loop, with no logic
 * between the loads, lets the CPU fetch the objects of many symbols at once, after which the logic finds them in
 * its cache. No result depends on it: the lookups have no side effects, and anything unusual (a null key or
 * value, a null bar, a list without random access) is skipped here and met by the scan itself.
 *
 * <p>Mutable, one per scan; not thread-safe.
 */
final class ScanBatch {
    static final int SIZE = 64;

    final Symbol[] symbols = new Symbol[SIZE];
    final DailyStats[] stats = new DailyStats[SIZE];
    /** The symbol's bars, null when it has none; valid only where {@link #lookedUp} is true. */
    final List<Bar>[] bars;
    /** The symbol's OR-volume history or null; valid only where {@link #lookedUp} is true. */
    final long[][] histories = new long[SIZE][];
    final boolean[] lookedUp = new boolean[SIZE];
    int size;
    /** The sum of the touched words, kept so that the JIT cannot drop the reads. */
    private long touched;

    @SuppressWarnings("unchecked")
    ScanBatch() {
        bars = (List<Bar>[]) new List<?>[SIZE];
    }

    /** Takes the next entries of {@code universe}; {@link #size} says how many (0 at the end). */
    void fill(Iterator<Map.Entry<Symbol, DailyStats>> universe, Map<Symbol, List<Bar>> barsBySymbol,
              Map<Symbol, long[]> orVolumeHistory, boolean withHistory) {
        int n = 0;
        long sum = 0;
        while (n < SIZE && universe.hasNext()) {
            Map.Entry<Symbol, DailyStats> entry = universe.next();
            Symbol symbol = entry.getKey();
            DailyStats dailyStats = entry.getValue();
            symbols[n] = symbol;
            stats[n] = dailyStats;
            boolean lookUp = symbol != null && dailyStats != null;
            lookedUp[n] = lookUp;
            if (lookUp) {
                List<Bar> symbolBars = barsBySymbol.get(symbol);
                long[] history = withHistory ? orVolumeHistory.get(symbol) : null;
                bars[n] = symbolBars;
                histories[n] = history;
                sum += touch(dailyStats, symbolBars, history);
            }
            n++;
        }
        size = n;
        touched += sum;
    }

    private static long touch(DailyStats stats, List<Bar> bars, long[] history) {
        BigDecimal atr = stats.atr14();
        long sum = stats.prevClose().nanos() + stats.session().getDayOfMonth() + atr.scale()
                + stats.avgVolume14().scale();
        if (atr.precision() > 18) {
            // an ATR at DailyStatistics' 20 decimals keeps its digits in a BigInteger: two more objects
            sum += atr.unscaledValue().testBit(0) ? 1 : 0;
        }
        if (bars instanceof RandomAccess) {
            for (int i = 0, n = bars.size(); i < n; i++) {
                Bar bar = bars.get(i);
                if (bar != null) {
                    // open and close are read for two bars only; they are usually next to the bar in memory
                    sum += bar.start().getEpochSecond() + bar.high().nanos() + bar.low().nanos();
                }
            }
        }
        if (history != null && history.length > 0) {
            sum += history[0] + history[history.length - 1];
        }
        return sum;
    }

    /** Keeps {@link #touched} observable. */
    long touched() {
        return touched;
    }
}
