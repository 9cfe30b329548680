package dev.orb.core.strategy;

import java.time.LocalDate;
import java.util.AbstractList;
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
 * symbol; a consumer that reads every record (the engine, for the storage) builds them then.
 *
 * <p>Every value is decided by the scan; {@link #get} only boxes it. The one text built here is the note of an
 * ineligible symbol ({@link UniverseFilter#rejection}, a pure function of the statistics and the configuration).
 * Immutable once the scan returned it, thread-safe; {@code get} returns a new, equal record on each call.
 */
final class ScanRecords extends AbstractList<OpeningRangeRecord> implements RandomAccess {
    /** Kinds of rows; 0 is a row the scan did not finish, which a returned result never holds. */
    static final byte RANKED = 1;
    static final byte NOT_ELIGIBLE = 2;
    static final byte DOJI = 3;
    static final byte NO_HISTORY = 4;
    static final byte BELOW_MINIMUM = 5;

    /**
     * The columns, which nothing writes once sealed. Both fields are final, so a thread that reads the records sees
     * every value the scan wrote before {@link Writer#seal()}.
     */
    private final Writer columns;
    private final int size;

    private ScanRecords(Writer columns) {
        this.columns = columns;
        this.size = columns.size;
    }

    @Override
    public OpeningRangeRecord get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("record " + i + " of " + size);
        }
        Writer c = columns;
        OpeningRange range = c.range(i);
        double rvol = c.rvol[i];
        return switch (c.kind[i]) {
            case RANKED -> new OpeningRangeRecord(range, rvol, c.rank[i], new Price(c.entry[i]),
                    c.stop[i] == 0 ? null : new Price(c.stop[i]), c.rank[i] <= c.config.scanTopN(), "");
            case NOT_ELIGIBLE -> note(range, rvol, "not eligible: "
                    + UniverseFilter.rejection(c.stats[c.symbolIndex[i]], c.config).orElseThrow());
            case DOJI -> note(range, rvol, "doji");
            case NO_HISTORY -> note(range, rvol, "no volume history");
            case BELOW_MINIMUM -> note(range, rvol, c.belowMinimum);
            default -> throw new IllegalStateException("record " + i + " of " + size + " was not decided");
        };
    }

    private static OpeningRangeRecord note(OpeningRange range, double rvolValue, String note) {
        return new OpeningRangeRecord(range, rvolValue, 0, null, null, false, note);
    }

    @Override
    public int size() {
        return size;
    }

    /** The scan's side: fills the columns row by row, then {@link #seal()}s them into the records. One per scan. */
    static final class Writer {
        /** The input's universe (shared, never changed; the records do not keep the input's bars alive). */
        private final Symbol[] symbols;
        private final DailyStats[] stats;
        private final OrbConfig config;
        private final LocalDate session;
        private final String belowMinimum;
        private int size;
        private final int[] symbolIndex;
        private final long[] open;
        private final long[] high;
        private final long[] low;
        private final long[] close;
        private final long[] volume;
        private final byte[] kind;
        private final double[] rvol;
        private final int[] rank;
        private final long[] entry;
        private final long[] stop;

        Writer(ScanInput input, OrbConfig config, LocalDate session, String belowMinimum) {
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

        /** The opening range of row {@code i}. */
        OpeningRange range(int i) {
            return new OpeningRange(symbols[symbolIndex[i]], session, config.openingRangeMinutes(), new Price(open[i]),
                    new Price(high[i]), new Price(low[i]), new Price(close[i]), volume[i]);
        }

        /** The records; nothing writes to this writer after this. */
        ScanRecords seal() {
            return new ScanRecords(this);
        }
    }
}
