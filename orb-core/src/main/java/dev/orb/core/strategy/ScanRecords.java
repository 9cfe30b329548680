package dev.orb.core.strategy;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

import dev.orb.core.config.OrbConfig;
import dev.orb.domain.DailyStats;
import dev.orb.domain.OpeningRange;
import dev.orb.domain.OpeningRangeRecord;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;

/**
 * The records of one scan ({@link Scanner.Result#records()}), held as the scan computed them: one row of primitive
 * columns per symbol with an opening range (its range, RVOL, rank, entry, stop and what kind of note it gets).
 * Each {@link #get} builds the {@link OpeningRangeRecord} from its row, so the scan itself allocates no object per
 * symbol; a consumer that reads every record (the storage) builds them then, after the orders went out.
 *
 * <p>Every value is decided by the scan; {@link #get} only boxes it. The one text built here is the note of an
 * ineligible symbol ({@link UniverseFilter#rejection}, a pure function of the statistics and the configuration).
 * Immutable once the scan returned it, thread-safe; {@code get} returns a new, equal record on each call.
 */
final class ScanRecords extends AbstractList<OpeningRangeRecord> implements RandomAccess {
    static final byte RANKED = 0;
    static final byte NOT_ELIGIBLE = 1;
    static final byte DOJI = 2;
    static final byte NO_HISTORY = 3;
    static final byte BELOW_MINIMUM = 4;

    /** The input's universe (shared, never changed; the records do not keep the input's bars alive). */
    private final Symbol[] symbols;
    private final DailyStats[] stats;
    private final OrbConfig config;
    private final LocalDate session;
    private final String belowMinimum;
    private int size;
    private int[] symbolIndex;
    private long[] open;
    private long[] high;
    private long[] low;
    private long[] close;
    private long[] volume;
    private byte[] kind;
    private double[] rvol;
    private int[] rank;
    private long[] entry;
    private long[] stop;

    ScanRecords(ScanInput input, OrbConfig config, LocalDate session, String belowMinimum) {
        this.symbols = input.symbolColumn();
        this.stats = input.statsColumn();
        this.config = config;
        this.session = session;
        this.belowMinimum = belowMinimum;
        int capacity = input.size();
        symbolIndex = new int[capacity];
        open = new long[capacity];
        high = new long[capacity];
        low = new long[capacity];
        close = new long[capacity];
        volume = new long[capacity];
        kind = new byte[capacity];
        rvol = new double[capacity];
        rank = new int[capacity];
        entry = new long[capacity];
        stop = new long[capacity];
    }

    /** Adds the row of input symbol {@code k} with the range in {@code w}; returns its index. */
    int add(int k, OpeningRanges.Columns w) {
        int i = size++;
        symbolIndex[i] = k;
        open[i] = w.open;
        high[i] = w.high;
        low[i] = w.low;
        close[i] = w.close;
        volume[i] = w.volume;
        return i;
    }

    /** Row {@code i} gets a note of {@code noteKind} (not {@link #RANKED}) and the RVOL (NaN for none). */
    void note(int i, byte noteKind, double rvolValue) {
        kind[i] = noteKind;
        rvol[i] = rvolValue;
    }

    /** Row {@code i} is a ranked candidate: its RVOL, rank, entry and stop (nanos, 0 for no stop). */
    void ranked(int i, double rvolValue, int rankValue, long entryNanos, long stopNanos) {
        kind[i] = RANKED;
        rvol[i] = rvolValue;
        rank[i] = rankValue;
        entry[i] = entryNanos;
        stop[i] = stopNanos;
    }

    /** Ends the scan's writes: trims the columns to the rows used. */
    ScanRecords seal() {
        if (size < symbolIndex.length) {
            symbolIndex = Arrays.copyOf(symbolIndex, size);
            open = Arrays.copyOf(open, size);
            high = Arrays.copyOf(high, size);
            low = Arrays.copyOf(low, size);
            close = Arrays.copyOf(close, size);
            volume = Arrays.copyOf(volume, size);
            kind = Arrays.copyOf(kind, size);
            rvol = Arrays.copyOf(rvol, size);
            rank = Arrays.copyOf(rank, size);
            entry = Arrays.copyOf(entry, size);
            stop = Arrays.copyOf(stop, size);
        }
        return this;
    }

    /** The opening range of row {@code i}. */
    OpeningRange range(int i) {
        return new OpeningRange(symbols[symbolIndex[i]], session, config.openingRangeMinutes(),
                new Price(open[i]), new Price(high[i]), new Price(low[i]), new Price(close[i]), volume[i]);
    }

    @Override
    public OpeningRangeRecord get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("record " + i + " of " + size);
        }
        OpeningRange range = range(i);
        return switch (kind[i]) {
            case RANKED -> new OpeningRangeRecord(range, rvol[i], rank[i], new Price(entry[i]),
                    stop[i] == 0 ? null : new Price(stop[i]), rank[i] <= config.scanTopN(), "");
            case NOT_ELIGIBLE -> note(range, rvol[i], "not eligible: "
                    + UniverseFilter.rejection(stats[symbolIndex[i]], config).orElseThrow());
            case DOJI -> note(range, rvol[i], "doji");
            case NO_HISTORY -> note(range, rvol[i], "no volume history");
            default -> note(range, rvol[i], belowMinimum);
        };
    }

    private static OpeningRangeRecord note(OpeningRange range, double rvolValue, String note) {
        return new OpeningRangeRecord(range, rvolValue, 0, null, null, false, note);
    }

    @Override
    public int size() {
        return size;
    }
}
