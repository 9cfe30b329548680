package dev.orb.sim.flatfile;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.orb.domain.Bar;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;

/**
 * The regular-session minute bars of every symbol of one session, as read from one minute flat file: only
 * bars that start in {@code [open, close)} of the {@link TradingSession}; pre- and post-market bars are read
 * and validated, then dropped. A symbol appears when it has at least one regular-session bar.
 *
 * <p>Stored column-wise (one {@code long[]} per field for the whole session, each symbol a contiguous slice)
 * so that a replay creates no object per bar; {@link #bars(Symbol)} gives domain {@link Bar}s where
 * convenience matters more than speed.
 *
 * <p>Immutable; safe for concurrent reading.
 */
public final class SessionMinutes {
    private final TradingSession session;
    private final List<Symbol> symbols;
    private final Map<Symbol, MinuteSeries> bySymbol;
    private final int barCount;
    private final long rowCount;

    SessionMinutes(TradingSession session, List<Symbol> sortedSymbols, Map<Symbol, MinuteSeries> bySymbol, int barCount,
                   long rowCount) {
        this.session = session;
        this.symbols = List.copyOf(sortedSymbols);
        this.bySymbol = Collections.unmodifiableMap(new HashMap<>(bySymbol));
        this.barCount = barCount;
        this.rowCount = rowCount;
    }

    /** The session the bars belong to. */
    public TradingSession session() {
        return session;
    }

    /** Symbols with at least one regular-session bar, ascending. */
    public List<Symbol> symbols() {
        return symbols;
    }

    /** The bars of {@code symbol}, or empty when it has no regular-session bar this session. */
    public Optional<MinuteSeries> series(Symbol symbol) {
        return Optional.ofNullable(bySymbol.get(Objects.requireNonNull(symbol, "symbol")));
    }

    /** Every symbol's bars, keyed by symbol (unmodifiable; iteration order unspecified). */
    public Map<Symbol, MinuteSeries> bySymbol() {
        return bySymbol;
    }

    /** The bars of {@code symbol} as domain values (allocates); empty when it has none. */
    public List<Bar> bars(Symbol symbol) {
        return series(symbol).map(MinuteSeries::toBars).orElse(List.of());
    }

    /** Regular-session bars kept, all symbols. */
    public int barCount() {
        return barCount;
    }

    /** Data rows in the file, including the pre- and post-market rows that were dropped. */
    public long rowCount() {
        return rowCount;
    }

    @Override
    public String toString() {
        return "SessionMinutes[" + session.date() + ", " + symbols.size() + " symbols, " + barCount + " bars]";
    }

    /** The columns shared by the {@link MinuteSeries} of one session; never modified once published. */
    static final class Columns {
        final long[] start;
        final long[] open;
        final long[] high;
        final long[] low;
        final long[] close;
        final long[] volume;

        Columns(long[] start, long[] open, long[] high, long[] low, long[] close, long[] volume) {
            this.start = start;
            this.open = open;
            this.high = high;
            this.low = low;
            this.close = close;
            this.volume = volume;
        }
    }
}
