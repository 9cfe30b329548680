package dev.orb.sim.fill;

import dev.orb.domain.Direction;

/**
 * The price rules of backtest-semantics.md on raw nano-dollar values, before slippage: the single place they
 * are written down. {@link FillModel} applies them to {@code Bar}s and to column-wise series alike.
 */
final class FillRules {
    /** Returned when a bar does not trigger. Prices are positive, so it cannot be a price. */
    static final long NONE = -1;

    private FillRules() {
    }

    /**
     * The entry fill in a bar: LONG triggers when {@code high ≥ entry} and fills at {@code max(entry, open)}
     * (a gap through the level fills at the open); SHORT when {@code low ≤ entry}, at {@code min(entry, open)}.
     */
    static long entry(Direction direction, long entry, long open, long high, long low) {
        if (direction == Direction.LONG) {
            return high >= entry ? Math.max(entry, open) : NONE;
        }
        return low <= entry ? Math.min(entry, open) : NONE;
    }

    /** Whether a bar reaches the protective stop: LONG {@code low ≤ stop}, SHORT {@code high ≥ stop}. */
    static boolean reachesStop(Direction direction, long stop, long high, long low) {
        return direction == Direction.LONG ? low <= stop : high >= stop;
    }

    /**
     * The stop exit in the entry bar itself: at the stop price, even when the bar opened beyond it
     * (deliberately pessimistic: the bar's path is unknown); {@link #NONE} if the bar does not reach it.
     */
    static long stopInEntryBar(Direction direction, long stop, long high, long low) {
        return reachesStop(direction, stop, high, low) ? stop : NONE;
    }

    /**
     * The stop exit in a bar after the entry bar: LONG at {@code min(stop, open)}, SHORT at
     * {@code max(stop, open)} (a gap through the stop exits at the open); {@link #NONE} if not reached.
     */
    static long stopInLaterBar(Direction direction, long stop, long open, long high, long low) {
        if (!reachesStop(direction, stop, high, low)) {
            return NONE;
        }
        return direction == Direction.LONG ? Math.min(stop, open) : Math.max(stop, open);
    }
}
