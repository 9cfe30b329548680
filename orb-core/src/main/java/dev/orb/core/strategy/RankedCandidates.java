package dev.orb.core.strategy;

import java.util.Arrays;

import dev.orb.domain.DailyStats;
import dev.orb.domain.Direction;

/**
 * The candidates of one scan that pass the {@code scan.minRvol} filter, in columns, and their order by
 * {@link Selection#RANKING} (RVOL descending, exactly; then symbol ascending).
 *
 * <p>The order is found by sorting primitive keys: while every RVOL's numerator and denominator are below
 * 2<sup>53</sup>, its {@code double} is the correctly rounded quotient, so a larger ratio never has a smaller
 * double. The key is that double's bits (descending) with the low bits replaced by the candidate's index; one sort
 * of those keys (a radix sort from {@value #RADIX_SORT_MIN} candidates on) orders the candidates up to runs of
 * equal truncated doubles, and only those runs
 * (ties, and ratios closer than about 2<sup>-38</sup> relative) are sorted with the exact comparison. Any larger
 * ratio sends the whole list through the exact comparison. Not thread-safe; one per scan.
 */
final class RankedCandidates {
    /** Runs of equal keys up to this length are sorted by insertion. */
    private static final int INSERTION_SORT_MAX = 12;
    /** From this many candidates on, the keys are radix-sorted ({@link #sortStablyAbove}). */
    private static final int RADIX_SORT_MIN = 256;
    private static final int RADIX_BITS = 11;

    private int size;
    private int[] slots;
    /** The candidate's index in {@link #input}. */
    private int[] symbolIndices;
    private Direction[] directions;
    private long[] numerators;
    private long[] denominators;
    /** The RVOL when it does not fit in two longs; allocated on first use. */
    private Ratio[] bigRatios;
    /** The entry in nanos, or 0 when it and the stop are left to {@link OrderPlanner} (which may throw). */
    private long[] entries;
    /** The stop in nanos, 0 for none; meaningless when the entry is null. */
    private long[] stops;
    private boolean doublesExactlyRounded = true;
    private final StopOffset stopOffset;
    private final ScanInput input;

    /**
     * @param expected   a guess of the number of candidates
     * @param stopOffset the scan's {@link StopOffset} of {@code stop.atrFraction}
     * @param input      the scan's input, where the candidates' statistics are
     */
    RankedCandidates(int expected, StopOffset stopOffset, ScanInput input) {
        this.stopOffset = stopOffset;
        this.input = input;
        int capacity = Math.max(16, expected);
        slots = new int[capacity];
        symbolIndices = new int[capacity];
        directions = new Direction[capacity];
        numerators = new long[capacity];
        denominators = new long[capacity];
        entries = new long[capacity];
        stops = new long[capacity];
    }

    /**
     * Adds a candidate whose RVOL is {@code rvol}'s current value; {@code slot} is the index of its record. Its entry
     * and stop are computed now, while its range and statistics are still in the CPU cache; where
     * {@link OrderPlanner} would throw or the fast path does not apply they are left for later ({@link #entryNanos}
     * 0), so that exceptions come in rank order as before.
     *
     * @param k      the candidate's index in the scan's input
     * @param source the range's high (long) or low (short), in nanos: what the entry is derived from
     */
    void add(int slot, int k, Direction direction, ScanRvol rvol, long source) {
        if (size == slots.length) {
            grow();
        }
        int i = size++;
        slots[i] = slot;
        symbolIndices[i] = k;
        directions[i] = direction;
        if (rvol.big() != null) {
            if (bigRatios == null) {
                bigRatios = new Ratio[slots.length];
            }
            bigRatios[i] = rvol.big();
        } else {
            numerators[i] = rvol.numerator();
            denominators[i] = rvol.denominator();
        }
        doublesExactlyRounded &= rvol.isDoubleExactlyRounded();
        long entry = TickMath.entryNanos(source, direction);
        long split = entry == 0 ? StopOffset.NOT_FAST
                : stopOffset.split(input.atrUnscaledLo(k), input.atrUnscaledHi(k), input.atrBits(k), input.atrScale(k));
        long stop = split == StopOffset.NOT_FAST ? TickMath.TOO_LARGE
                : TickMath.halfUpStopNanos(entry, direction, split >>> 1, (split & 1) != 0);
        if (stop == TickMath.TOO_LARGE) {
            entries[i] = 0;
        } else {
            entries[i] = entry;
            stops[i] = stop <= 0 || stop == entry ? 0 : stop;
        }
    }

    private void grow() {
        int capacity = slots.length * 2;
        slots = Arrays.copyOf(slots, capacity);
        symbolIndices = Arrays.copyOf(symbolIndices, capacity);
        directions = Arrays.copyOf(directions, capacity);
        numerators = Arrays.copyOf(numerators, capacity);
        denominators = Arrays.copyOf(denominators, capacity);
        entries = Arrays.copyOf(entries, capacity);
        stops = Arrays.copyOf(stops, capacity);
        if (bigRatios != null) {
            bigRatios = Arrays.copyOf(bigRatios, capacity);
        }
    }

    int size() {
        return size;
    }

    int slot(int i) {
        return slots[i];
    }

    DailyStats stats(int i) {
        return input.stats(symbolIndices[i]);
    }

    Direction direction(int i) {
        return directions[i];
    }

    /**
     * {@code OrderPlanner.entryPrice(range, direction(i))} in nanos, or 0 when the caller must call
     * {@link OrderPlanner} for the entry and the stop.
     */
    long entryNanos(int i) {
        return entries[i];
    }

    /** {@code OrderPlanner.protectiveStop(entry, …)} in nanos, 0 when empty; only when {@link #entryNanos} is set. */
    long stopNanos(int i) {
        return stops[i];
    }

    /** {@link Ratio#toDouble()} of candidate {@code i}'s RVOL. */
    double rvolValue(int i) {
        Ratio big = bigRatios == null ? null : bigRatios[i];
        return big != null ? big.toDouble() : Ratio.toDouble(numerators[i], denominators[i]);
    }

    /** Candidate {@code i}'s RVOL as {@link RelativeVolume} computes it. */
    Ratio rvol(int i) {
        Ratio big = bigRatios == null ? null : bigRatios[i];
        return big != null ? big : Ratio.of(numerators[i], denominators[i]);
    }

    /** The candidates' indices in rank order: {@code order()[0]} is rank 1. */
    int[] order() {
        int[] order = new int[size];
        if (size == 0) {
            return order;
        }
        if (!doublesExactlyRounded) {
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            sortExactly(order, 0, size);
            return order;
        }
        int indexBits = Math.max(1, Integer.SIZE - Integer.numberOfLeadingZeros(size - 1));
        long indexMask = (1L << indexBits) - 1;
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            // non-negative doubles order like their bits; subtracting from MAX_VALUE makes the order descending
            long descending = Long.MAX_VALUE - Double.doubleToRawLongBits(rvolValue(i));
            keys[i] = descending & ~indexMask | i;
        }
        if (size < RADIX_SORT_MIN) {
            Arrays.sort(keys);
        } else {
            // the keys were made in index order, so a stable sort of the bits above the index sorts them whole
            sortStablyAbove(keys, indexBits);
        }
        for (int i = 0; i < size; i++) {
            order[i] = (int) (keys[i] & indexMask);
        }
        // runs of equal truncated keys: order them exactly
        int runStart = 0;
        for (int i = 1; i <= size; i++) {
            if (i == size || (keys[i] & ~indexMask) != (keys[runStart] & ~indexMask)) {
                if (i - runStart > 1) {
                    sortExactly(order, runStart, i);
                }
                runStart = i;
            }
        }
        return order;
    }

    /**
     * Sorts non-negative {@code keys} by their bits from {@code lowBit} up, keeping the order of keys equal there: an
     * LSD radix sort of {@value #RADIX_BITS}-bit digits, skipping a digit that all keys share (RVOLs of one order of
     * magnitude share their exponent bits). For thousands of keys it takes a fraction of a comparison sort's time.
     */
    static void sortStablyAbove(long[] keys, int lowBit) {
        int n = keys.length;
        int radix = 1 << RADIX_BITS;
        long mask = radix - 1;
        int passes = (Long.SIZE - lowBit + RADIX_BITS - 1) / RADIX_BITS;
        int[][] counts = new int[passes][radix];
        for (long key : keys) {
            for (int p = 0; p < passes; p++) {
                counts[p][(int) ((key >>> (lowBit + p * RADIX_BITS)) & mask)]++;
            }
        }
        long[] source = keys;
        long[] target = null;
        for (int p = 0; p < passes; p++) {
            int shift = lowBit + p * RADIX_BITS;
            int[] offsets = counts[p];
            if (n == 0 || offsets[(int) ((source[0] >>> shift) & mask)] == n) {
                continue;
            }
            int sum = 0;
            for (int b = 0; b < radix; b++) {
                int count = offsets[b];
                offsets[b] = sum;
                sum += count;
            }
            if (target == null) {
                target = new long[n];
            }
            for (long key : source) {
                target[offsets[(int) ((key >>> shift) & mask)]++] = key;
            }
            long[] swap = source;
            source = target;
            target = swap;
        }
        if (source != keys) {
            System.arraycopy(source, 0, keys, 0, n);
        }
    }

    /** Sorts {@code order[from, to)} by the exact ranking. */
    private void sortExactly(int[] order, int from, int to) {
        if (to - from <= INSERTION_SORT_MAX) {
            for (int i = from + 1; i < to; i++) {
                int x = order[i];
                int j = i - 1;
                while (j >= from && compare(order[j], x) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = x;
            }
            return;
        }
        Integer[] boxed = new Integer[to - from];
        for (int i = from; i < to; i++) {
            boxed[i - from] = order[i];
        }
        Arrays.sort(boxed, this::compare);
        for (int i = from; i < to; i++) {
            order[i] = boxed[i - from];
        }
    }

    /** {@link Selection#RANKING} of candidates {@code a} and {@code b}. */
    private int compare(int a, int b) {
        int byRvol;
        if (bigRatios == null || bigRatios[a] == null && bigRatios[b] == null) {
            byRvol = Ratio.compareProducts(numerators[b], denominators[a], numerators[a], denominators[b]);
        } else {
            byRvol = rvol(b).compareTo(rvol(a));
        }
        // the input is in symbol order
        return byRvol != 0 ? byRvol : Integer.compare(symbolIndices[a], symbolIndices[b]);
    }
}
