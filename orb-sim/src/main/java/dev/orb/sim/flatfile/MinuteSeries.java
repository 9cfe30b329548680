package dev.orb.sim.flatfile;

import java.util.Objects;

import dev.orb.domain.Symbol;
import dev.orb.sim.BarSeries;

/**
 * The regular-session minute bars of one symbol in one session, as read from a flat file: a view into the
 * columns of its {@link SessionMinutes}. Starts strictly increase; every bar starts in {@code [open, close)}
 * of the session.
 *
 * <p>Immutable; safe for concurrent reading.
 */
public final class MinuteSeries implements BarSeries {
    private final Symbol symbol;
    private final SessionMinutes.Columns columns;
    private final int offset;
    private final int size;

    MinuteSeries(Symbol symbol, SessionMinutes.Columns columns, int offset, int size) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.columns = columns;
        this.offset = offset;
        this.size = size;
    }

    @Override
    public Symbol symbol() {
        return symbol;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long startNanos(int i) {
        return columns.start[index(i)];
    }

    @Override
    public long openNanos(int i) {
        return columns.open[index(i)];
    }

    @Override
    public long highNanos(int i) {
        return columns.high[index(i)];
    }

    @Override
    public long lowNanos(int i) {
        return columns.low[index(i)];
    }

    @Override
    public long closeNanos(int i) {
        return columns.close[index(i)];
    }

    @Override
    public long volume(int i) {
        return columns.volume[index(i)];
    }

    private int index(int i) {
        return offset + Objects.checkIndex(i, size);
    }

    @Override
    public String toString() {
        return "MinuteSeries[" + symbol + ", " + size + " bars]";
    }
}
