package dev.orb.sim.flatfile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;
import dev.orb.sim.EpochNanos;

/**
 * Accumulates the kept minute rows of one file into columns and turns them into a {@link SessionMinutes}.
 * Polygon's files are grouped by ticker and ordered by time within a ticker, which makes the common case a
 * plain append; a file in any other order is regrouped once at the end. Two rows of one ticker with the same
 * start are an error, never a silent choice between them.
 */
final class MinuteCollector {
    private int size;
    private int[] ids;
    private int[] lines;
    private long[] start;
    private long[] open;
    private long[] high;
    private long[] low;
    private long[] close;
    private long[] volume;

    private boolean grouped = true;
    private int lastId = -1;
    private long lastStart;
    private int lastLine;
    private final BitSet finishedIds = new BitSet();

    MinuteCollector(int expectedRows) {
        int capacity = Math.max(1024, expectedRows);
        ids = new int[capacity];
        lines = new int[capacity];
        start = new long[capacity];
        open = new long[capacity];
        high = new long[capacity];
        low = new long[capacity];
        close = new long[capacity];
        volume = new long[capacity];
    }

    /** Appends the current row of {@code r}. */
    void add(RowReader r) {
        int id = r.symbolId;
        long s = r.windowStart;
        int line = (int) Math.min(Integer.MAX_VALUE, r.line());
        if (id == lastId) {
            if (s == lastStart) {
                throw r.error(duplicate(r.symbol(), s, lastLine));
            }
            if (s < lastStart) {
                grouped = false;
            }
        } else {
            if (lastId >= 0) {
                finishedIds.set(lastId);
            }
            if (finishedIds.get(id)) {
                grouped = false;
            }
            lastId = id;
        }
        lastStart = s;
        lastLine = line;
        if (size == start.length) {
            grow();
        }
        ids[size] = id;
        lines[size] = line;
        start[size] = s;
        open[size] = r.open;
        high[size] = r.high;
        low[size] = r.low;
        close[size] = r.close;
        volume[size] = r.volume;
        size++;
    }

    SessionMinutes finish(TradingSession session, List<Symbol> symbolsById, long rowCount, Path file) {
        if (!grouped) {
            regroup(symbolsById, file);
        }
        SessionMinutes.Columns columns = new SessionMinutes.Columns(start, open, high, low, close, volume);
        Map<Symbol, MinuteSeries> bySymbol = new HashMap<>();
        List<Symbol> symbols = new ArrayList<>();
        int runStart = 0;
        for (int i = 1; i <= size; i++) {
            if (i == size || ids[i] != ids[runStart]) {
                Symbol symbol = symbolsById.get(ids[runStart]);
                bySymbol.put(symbol, new MinuteSeries(symbol, columns, runStart, i - runStart));
                symbols.add(symbol);
                runStart = i;
            }
        }
        symbols.sort(null);
        return new SessionMinutes(session, symbols, bySymbol, size, rowCount);
    }

    /** Sorts the rows by (ticker, start) — stable, so equal starts keep file order — and rejects duplicates. */
    private void regroup(List<Symbol> symbolsById, Path file) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> ids[a] != ids[b] ? Integer.compare(ids[a], ids[b]) : Long.compare(start[a], start[b]));
        for (int k = 1; k < size; k++) {
            int a = order[k - 1];
            int b = order[k];
            if (ids[a] == ids[b] && start[a] == start[b]) {
                int later = Math.max(lines[a], lines[b]);
                int earlier = Math.min(lines[a], lines[b]);
                throw FlatFileException.at(file, later, duplicate(symbolsById.get(ids[a]), start[a], earlier));
            }
        }
        int[] newIds = new int[size];
        long[][] columns = {start, open, high, low, close, volume};
        long[][] sorted = new long[columns.length][size];
        for (int k = 0; k < size; k++) {
            int from = order[k];
            newIds[k] = ids[from];
            for (int c = 0; c < columns.length; c++) {
                sorted[c][k] = columns[c][from];
            }
        }
        ids = newIds;
        start = sorted[0];
        open = sorted[1];
        high = sorted[2];
        low = sorted[3];
        close = sorted[4];
        volume = sorted[5];
        lines = null;
    }

    private static String duplicate(Symbol symbol, long startNanos, int otherLine) {
        return "duplicate bar of " + symbol + " starting " + EpochNanos.toInstant(startNanos) + " (also on line "
                + otherLine + ")";
    }

    private void grow() {
        int capacity = start.length + (start.length >> 1) + 1;
        ids = Arrays.copyOf(ids, capacity);
        lines = Arrays.copyOf(lines, capacity);
        start = Arrays.copyOf(start, capacity);
        open = Arrays.copyOf(open, capacity);
        high = Arrays.copyOf(high, capacity);
        low = Arrays.copyOf(low, capacity);
        close = Arrays.copyOf(close, capacity);
        volume = Arrays.copyOf(volume, capacity);
    }
}
