package dev.orb.sim;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.orb.domain.Bar;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;

/**
 * The one-minute bars of one symbol in one session, in primitive columns so that a replay over millions of
 * bars need not create a {@link Bar} per minute.
 *
 * <p>Promises of every implementation: bars are ordered by strictly increasing start; every price is a
 * positive number of nano-dollars ({@link Price#nanos()}) with {@code low ≤ min(open, close)} and
 * {@code high ≥ max(open, close)}; volume ≥ 0. Indexes run from 0 to {@link #size()} − 1; an index outside
 * that range throws {@link IndexOutOfBoundsException}.
 *
 * <p>Implementations are immutable and safe for concurrent reading.
 */
public interface BarSeries {
    /** The ticker all bars belong to. */
    Symbol symbol();

    /** Number of bars, ≥ 0. */
    int size();

    /** Start of bar {@code i}, epoch nanoseconds UTC. */
    long startNanos(int i);

    /** Open of bar {@code i} in nano-dollars. */
    long openNanos(int i);

    /** High of bar {@code i} in nano-dollars. */
    long highNanos(int i);

    /** Low of bar {@code i} in nano-dollars. */
    long lowNanos(int i);

    /** Close of bar {@code i} in nano-dollars. */
    long closeNanos(int i);

    /** Shares traded in bar {@code i}. */
    long volume(int i);

    /** Start of bar {@code i}. */
    default Instant start(int i) {
        return EpochNanos.toInstant(startNanos(i));
    }

    /** Bar {@code i} as a domain value (allocates; for tests, reports and the session engine, not hot loops). */
    default Bar bar(int i) {
        return new Bar(symbol(), start(i), Timeframe.ONE_MINUTE, new Price(openNanos(i)), new Price(highNanos(i)),
                new Price(lowNanos(i)), new Price(closeNanos(i)), volume(i));
    }

    /** All bars as domain values, in order. */
    default List<Bar> toBars() {
        Bar[] bars = new Bar[size()];
        for (int i = 0; i < bars.length; i++) {
            bars[i] = bar(i);
        }
        return List.of(bars);
    }

    /**
     * The index of the first bar that starts at or after {@code epochNanos}, or {@link #size()} when there is
     * none. Binary search: O(log n).
     */
    default int indexAtOrAfter(long epochNanos) {
        int lo = 0;
        int hi = size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (startNanos(mid) < epochNanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * A series over domain bars, which must all be one-minute bars of {@code symbol} in strictly increasing
     * start order.
     *
     * @throws dev.orb.domain.InvalidValueException naming the first offending bar otherwise
     */
    static BarSeries of(Symbol symbol, List<Bar> bars) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(bars, "bars");
        return new BarListSeries(symbol, bars);
    }
}
