package dev.orb.sim.flatfile;

/**
 * What makes a flat-file row valid, shared by the reader (which reports a violation with file and line) and
 * the writer (which refuses to write a row the reader would reject). Values are nano-dollars and whole numbers
 * as parsed by {@link Decimals}.
 */
final class RowRules {
    private RowRules() {
    }

    /** The first problem of a row, or {@code null} when it is valid. */
    static String problem(long volume, long open, long close, long high, long low, long windowStart,
                          long transactions) {
        if (volume < 0) {
            return "volume " + volume + " is negative";
        }
        if (open <= 0 || close <= 0 || high <= 0 || low <= 0) {
            return "prices must be positive: open " + fmt(open) + ", close " + fmt(close) + ", high " + fmt(high)
                    + ", low " + fmt(low);
        }
        if (high < low) {
            return "high " + fmt(high) + " is below low " + fmt(low);
        }
        if (high < open || high < close) {
            return "high " + fmt(high) + " is below open " + fmt(open) + " or close " + fmt(close);
        }
        if (low > open || low > close) {
            return "low " + fmt(low) + " is above open " + fmt(open) + " or close " + fmt(close);
        }
        if (windowStart < 0) {
            return "window_start " + windowStart + " is negative";
        }
        if (transactions < 0) {
            return "transactions " + transactions + " is negative";
        }
        return null;
    }

    private static String fmt(long nanos) {
        return Decimals.formatNanos(nanos);
    }
}
