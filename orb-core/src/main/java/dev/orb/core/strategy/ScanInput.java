package dev.orb.core.strategy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.orb.domain.Bar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;

/**
 * What one morning scan reads ({@link Scanner#scan}), held in columns: the universe with its nightly statistics,
 * each symbol's opening-range volume history, and today's intraday bars, in symbol order.
 *
 * <h2>Why columns</h2>
 * A full-market scan reads 10,000 symbols. Held as maps of {@link Bar} objects, its input is some 50 objects per
 * symbol spread over the heap, and merely reading them costs more than the whole scan is allowed (see
 * docs/performance.md). Here a symbol's bars are rows of primitive arrays, and whatever the nightly statistics
 * give that does not depend on the configuration (the previous close in nanos, the ATR's digits, the sum of the
 * volume history) is computed once, when the input is built: at night for the universe, as the bars arrive for
 * the rest. The scan then reads a few contiguous arrays.
 *
 * <h2>What it promises</h2>
 * The universe is in ascending symbol order whatever order it was built in, so that the scan's records come out
 * the same in every run. A symbol's bars keep the order they were added in; bars may be of any timeframe and any
 * time of the day (the scan uses those of the opening-range window and checks them). The values are exactly those
 * given: {@link #universe()}, {@link #bars()} and {@link #orVolumeHistory()} give them back as maps (for the
 * journal and for tests; they build objects, the scan never calls them).
 *
 * <p>Immutable and thread-safe once built. Build one with {@link #builder} (the engine's and the backtest's path)
 * or {@link #of} (maps).
 */
public final class ScanInput {
    private static final ScanInput EMPTY = new Builder(0).build();
    /** {@code long}s of nano-dollars per unit of a decimal: {@code floor(value × 10^9)}. */
    private static final int NANOS_SCALE = Price.SCALE;
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    // ---- the universe, one entry per symbol, ascending ----
    private final Symbol[] symbols;
    private final DailyStats[] stats;
    /** The session date every statistics is for, or null when they differ (or there are none). */
    private final LocalDate statsSession;
    private final long[] prevCloseNanos;
    /** {@code floor(atr14 × 10^9)}, at most {@link Long#MAX_VALUE}. */
    private final long[] atrFloorNanos;
    /** {@code floor(avgVolume14 × 10^9)}, at most {@link Long#MAX_VALUE}. */
    private final long[] avgVolumeFloorNanos;
    /** The ATR's unscaled value as an unsigned 128-bit number {@code hi × 2^64 + lo}, its bit length and scale. */
    private final long[] atrUnscaledLo;
    private final long[] atrUnscaledHi;
    /** Bit length of the ATR's unscaled value; {@link #ATR_TOO_LONG} beyond 127 bits. */
    private final int[] atrBits;
    private final int[] atrScale;

    // ---- the volume histories ----
    /** The history as given (copied), null when the symbol has none. */
    private final long[][] histories;
    /** The history's sum, {@link #HISTORY_UNUSUAL} when a volume is negative or the sum overflows. */
    private final long[] historySums;
    /** The history's length, {@link #NO_HISTORY} for none (so the scan need not touch the arrays). */
    private final int[] historyLengths;

    // ---- the bars: those of symbol i are the rows barFrom[i] .. barFrom[i + 1] - 1 ----
    private final int[] barFrom;
    private final long[] barSecond;
    /** Null when every bar starts on a whole second (nothing to read). */
    private final int[] barNano;
    /** Null when every bar is a one-minute bar. */
    private final int[] barMinutes;
    private final long[] barOpen;
    private final long[] barHigh;
    private final long[] barLow;
    private final long[] barClose;
    private final long[] barVolume;

    /** {@link #atrBits} of an ATR the fast paths do not handle. */
    static final int ATR_TOO_LONG = -1;
    /** {@link #historyLength} of a symbol without a history. */
    static final int NO_HISTORY = -1;
    /** {@link #historySums} of a history with a negative volume or a sum beyond a long. */
    static final long HISTORY_UNUSUAL = -1;

    private ScanInput(Builder b, int[] order) {
        int n = b.size;
        symbols = new Symbol[n];
        stats = new DailyStats[n];
        histories = new long[n][];
        barFrom = new int[n + 1];
        int rows = b.rows;
        barSecond = new long[rows];
        int[] nanos = b.anyNano ? new int[rows] : null;
        int[] barMinutesOrNull = b.anyLongerBar ? new int[rows] : null;
        barOpen = new long[rows];
        barHigh = new long[rows];
        barLow = new long[rows];
        barClose = new long[rows];
        barVolume = new long[rows];
        int row = 0;
        for (int k = 0; k < n; k++) {
            int i = order == null ? k : order[k];
            symbols[k] = b.stats[i].symbol();
            stats[k] = b.stats[i];
            histories[k] = b.histories[i];
            barFrom[k] = row;
            int from = b.barFrom[i];
            int count = b.barTo[i] - from;
            System.arraycopy(b.barSecond, from, barSecond, row, count);
            if (nanos != null) {
                System.arraycopy(b.barNano, from, nanos, row, count);
            }
            if (barMinutesOrNull != null) {
                System.arraycopy(b.barMinutes, from, barMinutesOrNull, row, count);
            }
            System.arraycopy(b.barOpen, from, barOpen, row, count);
            System.arraycopy(b.barHigh, from, barHigh, row, count);
            System.arraycopy(b.barLow, from, barLow, row, count);
            System.arraycopy(b.barClose, from, barClose, row, count);
            System.arraycopy(b.barVolume, from, barVolume, row, count);
            row += count;
        }
        barFrom[n] = row;
        barNano = nanos;
        barMinutes = barMinutesOrNull;
        prevCloseNanos = new long[n];
        atrFloorNanos = new long[n];
        avgVolumeFloorNanos = new long[n];
        atrUnscaledLo = new long[n];
        atrUnscaledHi = new long[n];
        atrBits = new int[n];
        atrScale = new int[n];
        historySums = new long[n];
        historyLengths = new int[n];
        LocalDate common = n == 0 ? null : stats[0].session();
        for (int k = 0; k < n; k++) {
            DailyStats s = stats[k];
            if (common != null && !common.equals(s.session())) {
                common = null;
            }
            prevCloseNanos[k] = s.prevClose().nanos();
            atrFloorNanos[k] = floorNanos(s.atr14());
            avgVolumeFloorNanos[k] = floorNanos(s.avgVolume14());
            splitUnscaled(k, s.atr14());
            historySums[k] = sum(histories[k]);
            historyLengths[k] = histories[k] == null ? NO_HISTORY : histories[k].length;
        }
        statsSession = common;
    }

    /** A builder for about {@code expectedSymbols} symbols (a guess; it grows). */
    public static Builder builder(int expectedSymbols) {
        if (expectedSymbols < 0) {
            throw new InvalidValueException("ScanInput.expectedSymbols: " + expectedSymbols + " must not be negative");
        }
        return new Builder(expectedSymbols);
    }

    /** No symbols: a scan of it finds nothing. */
    public static ScanInput empty() {
        return EMPTY;
    }

    /**
     * The input of maps: the universe's symbols with their statistics, their bars ({@code bars} may hold other
     * symbols, which are ignored; a universe symbol without an entry has no bars) and their opening-range volume
     * histories (oldest first; a universe symbol without an entry has none, which counts as all zeros). Nothing is
     * kept of the maps.
     *
     * @throws InvalidValueException if a universe symbol has no statistics or another symbol's, or a bar is null or
     *     of another symbol than the key it is listed under; the message names the symbol (and the bar's time)
     */
    public static ScanInput of(Map<Symbol, DailyStats> universe, Map<Symbol, ? extends List<Bar>> bars,
                               Map<Symbol, long[]> orVolumeHistory) {
        Objects.requireNonNull(universe, "universe");
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(orVolumeHistory, "orVolumeHistory");
        Map<Symbol, DailyStats> sorted = universe instanceof SortedMap<Symbol, DailyStats> s && s.comparator() == null
                ? universe : new TreeMap<>(universe);
        Builder builder = new Builder(sorted.size());
        for (Map.Entry<Symbol, DailyStats> e : sorted.entrySet()) {
            Symbol symbol = e.getKey();
            DailyStats stats = e.getValue();
            if (stats == null) {
                throw new InvalidValueException("ScanInput.universe: no statistics for " + symbol);
            }
            if (!stats.symbol().equals(symbol)) {
                throw new InvalidValueException("ScanInput.universe: statistics of " + stats.symbol() + " under "
                        + symbol);
            }
            builder.symbol(stats, orVolumeHistory.get(symbol));
            List<Bar> symbolBars = bars.get(symbol);
            if (symbolBars != null) {
                for (Bar bar : symbolBars) {
                    builder.bar(bar);
                }
            }
        }
        return builder.build();
    }

    /** The number of symbols in the universe. */
    public int size() {
        return symbols.length;
    }

    /** The {@code i}-th symbol in ascending order, {@code 0 ≤ i < size()}. */
    public Symbol symbol(int i) {
        return symbols[i];
    }

    /** The statistics of {@link #symbol symbol(i)}. */
    public DailyStats stats(int i) {
        return stats[i];
    }

    /** The bars of {@link #symbol symbol(i)} in the order they were added (new objects on each call). */
    public List<Bar> bars(int i) {
        int from = barFrom[i];
        int to = barFrom[i + 1];
        List<Bar> list = new ArrayList<>(to - from);
        for (int r = from; r < to; r++) {
            list.add(new Bar(symbols[i], Instant.ofEpochSecond(barSecond[r], barNano(r)),
                    Timeframe.ofMinutes(barMinutes(r)), new Price(barOpen[r]), new Price(barHigh[r]),
                    new Price(barLow[r]), new Price(barClose[r]), barVolume[r]));
        }
        return Collections.unmodifiableList(list);
    }

    /** A copy of the opening-range volume history of {@link #symbol symbol(i)}, oldest first; null for none. */
    public long[] orVolumeHistory(int i) {
        return histories[i] == null ? null : histories[i].clone();
    }

    /** The universe as a sorted map, built on each call. */
    public SortedMap<Symbol, DailyStats> universe() {
        SortedMap<Symbol, DailyStats> map = new TreeMap<>();
        for (int i = 0; i < symbols.length; i++) {
            map.put(symbols[i], stats[i]);
        }
        return Collections.unmodifiableSortedMap(map);
    }

    /** The bars of each universe symbol that has at least one, as a sorted map built on each call. */
    public SortedMap<Symbol, List<Bar>> bars() {
        SortedMap<Symbol, List<Bar>> map = new TreeMap<>();
        for (int i = 0; i < symbols.length; i++) {
            if (barFrom[i + 1] > barFrom[i]) {
                map.put(symbols[i], bars(i));
            }
        }
        return Collections.unmodifiableSortedMap(map);
    }

    /** The volume history of each universe symbol that has one (copies), as a sorted map built on each call. */
    public SortedMap<Symbol, long[]> orVolumeHistory() {
        SortedMap<Symbol, long[]> map = new TreeMap<>();
        for (int i = 0; i < symbols.length; i++) {
            if (histories[i] != null) {
                map.put(symbols[i], histories[i].clone());
            }
        }
        return Collections.unmodifiableSortedMap(map);
    }

    /** The number of universe symbols with at least one bar. */
    public int symbolsWithBars() {
        int count = 0;
        for (int i = 0; i < symbols.length; i++) {
            if (barFrom[i + 1] > barFrom[i]) {
                count++;
            }
        }
        return count;
    }

    // ---- package-private column access for the scan ----

    /** The universe's symbols (the array itself: callers must not change it). */
    Symbol[] symbolColumn() {
        return symbols;
    }

    /** The universe's statistics (the array itself: callers must not change it). */
    DailyStats[] statsColumn() {
        return stats;
    }

    LocalDate statsSession() {
        return statsSession;
    }

    long prevCloseNanos(int i) {
        return prevCloseNanos[i];
    }

    long atrFloorNanos(int i) {
        return atrFloorNanos[i];
    }

    long avgVolumeFloorNanos(int i) {
        return avgVolumeFloorNanos[i];
    }

    long atrUnscaledLo(int i) {
        return atrUnscaledLo[i];
    }

    long atrUnscaledHi(int i) {
        return atrUnscaledHi[i];
    }

    int atrBits(int i) {
        return atrBits[i];
    }

    int atrScale(int i) {
        return atrScale[i];
    }

    /** The history as given (not a copy: the scan does not change it), null for none. */
    long[] history(int i) {
        return histories[i];
    }

    long historySum(int i) {
        return historySums[i];
    }

    /** The length of symbol {@code i}'s history, {@link #NO_HISTORY} for none. */
    int historyLength(int i) {
        return historyLengths[i];
    }

    int barFrom(int i) {
        return barFrom[i];
    }

    int barTo(int i) {
        return barFrom[i + 1];
    }

    long barSecond(int row) {
        return barSecond[row];
    }

    int barNano(int row) {
        return barNano == null ? 0 : barNano[row];
    }

    int barMinutes(int row) {
        return barMinutes == null ? 1 : barMinutes[row];
    }

    long barOpen(int row) {
        return barOpen[row];
    }

    long barHigh(int row) {
        return barHigh[row];
    }

    long barLow(int row) {
        return barLow[row];
    }

    long barClose(int row) {
        return barClose[row];
    }

    long barVolume(int row) {
        return barVolume[row];
    }

    /** The instant bar {@code row} starts at (for messages). */
    Instant barStart(int row) {
        return Instant.ofEpochSecond(barSecond[row], barNano(row));
    }

    /**
     * Equal when the universe, every statistics, history and bar are equal (the order of a symbol's bars
     * included).
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ScanInput other)) {
            return false;
        }
        return Arrays.equals(stats, other.stats) && Arrays.deepEquals(histories, other.histories)
                && Arrays.equals(barFrom, other.barFrom) && Arrays.equals(barSecond, other.barSecond)
                && Arrays.equals(barNano, other.barNano) && Arrays.equals(barMinutes, other.barMinutes)
                && Arrays.equals(barOpen, other.barOpen) && Arrays.equals(barHigh, other.barHigh)
                && Arrays.equals(barLow, other.barLow) && Arrays.equals(barClose, other.barClose)
                && Arrays.equals(barVolume, other.barVolume);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(stats) + Arrays.hashCode(barOpen);
    }

    @Override
    public String toString() {
        return "ScanInput[" + symbols.length + " symbols, " + barFrom[symbols.length] + " bars]";
    }

    // ---- preparation of the columns ----

    /** {@code floor(value × 10^9)} of a non-negative decimal, {@link Long#MAX_VALUE} when larger. */
    private static long floorNanos(BigDecimal value) {
        BigDecimal nanos = value.movePointRight(NANOS_SCALE).setScale(0, RoundingMode.FLOOR);
        return nanos.compareTo(LONG_MAX) > 0 ? Long.MAX_VALUE : nanos.longValueExact();
    }

    private void splitUnscaled(int k, BigDecimal atr) {
        BigInteger unscaled = atr.unscaledValue();
        int bits = unscaled.bitLength();
        if (bits > 127) {
            atrBits[k] = ATR_TOO_LONG;
            return;
        }
        atrBits[k] = bits;
        atrScale[k] = atr.scale();
        atrUnscaledLo[k] = unscaled.longValue();
        atrUnscaledHi[k] = unscaled.shiftRight(Long.SIZE).longValue();
    }

    /** The sum of a history as the {@link #historySum} column holds it (0 for none). */
    static long sum(long[] history) {
        if (history == null) {
            return 0;
        }
        long sum = 0;
        for (long v : history) {
            long s = sum + v;
            if (v < 0 || s < 0) {
                return HISTORY_UNUSUAL;
            }
            sum = s;
        }
        return sum;
    }

    /**
     * Collects a scan's input: {@link #symbol} starts a universe symbol, {@link #bar} adds bars to the symbol
     * started last. Symbols may come in any order. Not thread-safe; {@link #build()} may be called once.
     */
    public static final class Builder {
        private int size;
        private DailyStats[] stats;
        private long[][] histories;
        private int[] barFrom;
        private int[] barTo;
        private int rows;
        private long[] barSecond;
        private int[] barNano;
        private int[] barMinutes;
        private long[] barOpen;
        private long[] barHigh;
        private long[] barLow;
        private long[] barClose;
        private long[] barVolume;
        private boolean anyNano;
        private boolean anyLongerBar;
        private boolean built;

        private Builder(int expectedSymbols) {
            int capacity = Math.max(4, expectedSymbols);
            stats = new DailyStats[capacity];
            histories = new long[capacity][];
            barFrom = new int[capacity];
            barTo = new int[capacity];
            int barCapacity = capacity * 5;
            barSecond = new long[barCapacity];
            barNano = new int[barCapacity];
            barMinutes = new int[barCapacity];
            barOpen = new long[barCapacity];
            barHigh = new long[barCapacity];
            barLow = new long[barCapacity];
            barClose = new long[barCapacity];
            barVolume = new long[barCapacity];
        }

        /**
         * Starts the universe symbol {@code stats.symbol()}.
         *
         * @param orVolumeHistory the opening-range volumes of the previous sessions, oldest first (copied), or null
         *                        for none (counts as all zeros); its length and values are checked by the scan
         * @throws InvalidValueException if the symbol was started before
         */
        public Builder symbol(DailyStats stats, long[] orVolumeHistory) {
            Objects.requireNonNull(stats, "stats");
            checkOpen();
            if (size == this.stats.length) {
                int capacity = size * 2;
                this.stats = Arrays.copyOf(this.stats, capacity);
                histories = Arrays.copyOf(histories, capacity);
                barFrom = Arrays.copyOf(barFrom, capacity);
                barTo = Arrays.copyOf(barTo, capacity);
            }
            this.stats[size] = stats;
            histories[size] = orVolumeHistory == null ? null : orVolumeHistory.clone();
            barFrom[size] = rows;
            barTo[size] = rows;
            size++;
            return this;
        }

        /**
         * Adds a bar of the symbol started last.
         *
         * @throws InvalidValueException if no symbol was started or the bar is of another symbol (the message names
         *     both and the bar's time)
         */
        public Builder bar(Bar bar) {
            if (bar == null) {
                throw new InvalidValueException("ScanInput.bars: a bar of " + current() + " is null");
            }
            Symbol symbol = current();
            if (bar.symbol() != symbol && !bar.symbol().equals(symbol)) {
                throw new InvalidValueException("ScanInput.bars: bar of " + bar.symbol() + " at " + bar.start()
                        + " among the bars of " + symbol);
            }
            addRow(bar.start().getEpochSecond(), bar.start().getNano(), bar.timeframe().minutes(), bar.open().nanos(),
                    bar.high().nanos(), bar.low().nanos(), bar.close().nanos(), bar.volume());
            return this;
        }

        /**
         * Adds a bar of the symbol started last from its parts, without building a {@link Bar}; the same rules as
         * {@link Bar}'s constructor are checked.
         *
         * @param startEpochSecond the bar's start, seconds since the epoch
         * @param startNano        nanoseconds within that second, 0..999,999,999
         * @param minutes          the bar's timeframe, 1..390
         * @throws InvalidValueException if no symbol was started, a price is not positive, high or low do not
         *     bound open and close, or the volume is negative; the message names the symbol and the time
         */
        public Builder bar(long startEpochSecond, int startNano, int minutes, long openNanos, long highNanos,
                           long lowNanos, long closeNanos, long volume) {
            Symbol symbol = current();
            if (startNano < 0 || startNano > 999_999_999 || minutes < 1 || minutes > 390 || openNanos <= 0
                    || highNanos <= 0 || lowNanos <= 0 || closeNanos <= 0 || highNanos < Math.max(openNanos, closeNanos)
                    || lowNanos > Math.min(openNanos, closeNanos) || volume < 0) {
                // Bar's constructor names the rule that fails
                Instant start = Instant.ofEpochSecond(startEpochSecond, Math.floorMod(startNano, 1_000_000_000));
                try {
                    new Bar(symbol, start, Timeframe.ofMinutes(minutes), new Price(openNanos), new Price(highNanos),
                            new Price(lowNanos), new Price(closeNanos), volume);
                } catch (InvalidValueException e) {
                    throw new InvalidValueException("ScanInput.bars: bar of " + symbol + " at " + start + ": "
                            + e.getMessage(), e);
                }
                throw new InvalidValueException("ScanInput.bars: bar of " + symbol + " at " + startEpochSecond + " s + "
                        + startNano + " ns: nanoseconds must be in 0..999999999");
            }
            addRow(startEpochSecond, startNano, minutes, openNanos, highNanos, lowNanos, closeNanos, volume);
            return this;
        }

        /**
         * The input, in ascending symbol order.
         *
         * @throws InvalidValueException if a symbol was started twice
         */
        public ScanInput build() {
            checkOpen();
            built = true;
            int[] order = null;
            for (int i = 1; i < size; i++) {
                if (stats[i - 1].symbol().compareTo(stats[i].symbol()) >= 0) {
                    order = sortedOrder();
                    break;
                }
            }
            return new ScanInput(this, order);
        }

        private int[] sortedOrder() {
            Integer[] boxed = new Integer[size];
            for (int i = 0; i < size; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (a, b) -> stats[a].symbol().compareTo(stats[b].symbol()));
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = boxed[i];
                if (i > 0 && stats[order[i - 1]].symbol().equals(stats[order[i]].symbol())) {
                    throw new InvalidValueException("ScanInput.universe: " + stats[order[i]].symbol()
                            + " is listed twice");
                }
            }
            return order;
        }

        private Symbol current() {
            checkOpen();
            if (size == 0) {
                throw new InvalidValueException("ScanInput.bars: a bar before the first symbol");
            }
            return stats[size - 1].symbol();
        }

        private void checkOpen() {
            if (built) {
                throw new IllegalStateException("ScanInput.Builder: already built");
            }
        }

        private void addRow(long second, int nano, int minutes, long open, long high, long low, long close,
                            long volume) {
            if (rows == barSecond.length) {
                int capacity = Math.max(16, rows * 2);
                barSecond = Arrays.copyOf(barSecond, capacity);
                barNano = Arrays.copyOf(barNano, capacity);
                barMinutes = Arrays.copyOf(barMinutes, capacity);
                barOpen = Arrays.copyOf(barOpen, capacity);
                barHigh = Arrays.copyOf(barHigh, capacity);
                barLow = Arrays.copyOf(barLow, capacity);
                barClose = Arrays.copyOf(barClose, capacity);
                barVolume = Arrays.copyOf(barVolume, capacity);
            }
            barSecond[rows] = second;
            barNano[rows] = nano;
            barMinutes[rows] = minutes;
            anyNano |= nano != 0;
            anyLongerBar |= minutes != 1;
            barOpen[rows] = open;
            barHigh[rows] = high;
            barLow[rows] = low;
            barClose[rows] = close;
            barVolume[rows] = volume;
            rows++;
            barTo[size - 1] = rows;
        }
    }
}
