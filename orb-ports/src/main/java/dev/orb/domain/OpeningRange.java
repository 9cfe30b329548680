package dev.orb.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The opening range of one symbol in one session (strategy.md §3): the bars that start in
 * {@code [09:30, 09:30 + minutes)} New York time.
 *
 * @param symbol  the ticker
 * @param session the session date
 * @param minutes the window length N (5, 15, 30 or 60)
 * @param open    open of the 09:30 bar
 * @param high    highest high in the window
 * @param low     lowest low in the window
 * @param close   close of the last bar in the window
 * @param volume  total volume in the window
 */
public record OpeningRange(Symbol symbol, LocalDate session, int minutes, Price open, Price high, Price low,
                           Price close, long volume) {
    public OpeningRange {
        Require.nonNull(symbol, "OpeningRange.symbol");
        Require.nonNull(session, "OpeningRange.session");
        if (!(minutes > 0 && minutes <= 390)) {
            throw new InvalidValueException("OpeningRange.minutes: " + minutes + " must be in 1..390");
        }
        Require.nonNull(open, "OpeningRange.open");
        Require.nonNull(high, "OpeningRange.high");
        Require.nonNull(low, "OpeningRange.low");
        Require.nonNull(close, "OpeningRange.close");
        Ohlc.check("OpeningRange", symbol, session, open, high, low, close, volume);
    }

    /** LONG when close &gt; open, SHORT when close &lt; open, empty for a doji (no trade). */
    public Optional<Direction> direction() {
        int c = close.compareTo(open);
        return c > 0 ? Optional.of(Direction.LONG) : c < 0 ? Optional.of(Direction.SHORT) : Optional.empty();
    }
}
