package dev.orb.domain;

import java.time.Instant;

/**
 * One intraday OHLCV bar of a symbol. A bar is identified by its start; it covers
 * {@code [start, start + timeframe)}.
 *
 * <p>Invariants checked at construction: {@code low ≤ min(open, close)}, {@code high ≥ max(open, close)},
 * volume ≥ 0.
 *
 * @param symbol    the ticker
 * @param start     start of the bar's window (UTC instant)
 * @param timeframe the bar's length
 * @param open      first trade price
 * @param high      highest trade price
 * @param low       lowest trade price
 * @param close     last trade price
 * @param volume    shares traded (fractional vendor volumes are rounded by the adapter)
 */
public record Bar(Symbol symbol, Instant start, Timeframe timeframe, Price open, Price high, Price low, Price close,
                  long volume) {
    public Bar {
        Require.nonNull(symbol, "Bar.symbol");
        Require.nonNull(start, "Bar.start");
        Require.nonNull(timeframe, "Bar.timeframe");
        Require.nonNull(open, "Bar.open");
        Require.nonNull(high, "Bar.high");
        Require.nonNull(low, "Bar.low");
        Require.nonNull(close, "Bar.close");
        Ohlc.check("Bar", symbol, start, open, high, low, close, volume);
    }

    /** The instant just after the bar's window. */
    public Instant end() {
        return start.plus(timeframe.duration());
    }
}
