package dev.orb.core.strategy;

import java.math.BigDecimal;
import java.math.BigInteger;

import dev.orb.domain.Direction;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Price;

/**
 * Tick rounding of entry and stop prices in whole nano-dollars ({@link Price#nanos()}), so that the scan can price
 * thousands of ranked candidates without decimal objects. Same results as {@link Price#roundToTick}: the tick is
 * that of the value being rounded ($0.01 at or above $1.00, $0.0001 below).
 */
final class TickMath {
    private static final long ONE_DOLLAR = Price.NANOS_PER_DOLLAR;
    private static final long CENT = ONE_DOLLAR / 100;
    private static final long HUNDREDTH_CENT = ONE_DOLLAR / 10_000;
    static final long[] POWERS_OF_TEN = new long[19];
    /** An offset this large (≈ $4.6 billion) puts any stop out of the price range; also keeps sums from overflowing. */
    static final long HUGE = Long.MAX_VALUE / 2;
    /** What {@link #halfUpStopNanos(long, Direction, long, boolean)} returns for a SHORT stop out of range. */
    static final long TOO_LARGE = Long.MIN_VALUE;

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private TickMath() {
    }

    /** The tick, in nanos, of a value of {@code nanos} (a value in [n, n + 1) nanos has the same tick). */
    static long tick(long nanos) {
        return nanos >= ONE_DOLLAR ? CENT : HUNDREDTH_CENT;
    }

    /** {@code price} rounded up to its tick. */
    static Price ceiling(Price price) {
        long nanos = price.nanos();
        long tick = tick(nanos);
        long remainder = nanos % tick;
        if (remainder == 0) {
            return price;
        }
        if (nanos > Long.MAX_VALUE - tick) {
            throw new InvalidValueException("Price: " + price + " is too large to round up to its tick");
        }
        return new Price(nanos - remainder + tick);
    }

    /**
     * {@link OrderPlanner#entryPrice} in nanos, without exceptions: LONG the range high {@code nanos} rounded up to
     * its tick, SHORT the range low {@code nanos} rounded down; 0 where {@link #ceiling} or {@link #floor} would
     * throw.
     */
    static long entryNanos(long nanos, Direction direction) {
        // constant divisors: the JIT replaces the division by a multiplication
        boolean cent = nanos >= ONE_DOLLAR;
        long remainder = cent ? nanos % CENT : nanos % HUNDREDTH_CENT;
        if (remainder == 0) {
            return nanos;
        }
        if (direction == Direction.LONG) {
            long tick = cent ? CENT : HUNDREDTH_CENT;
            return nanos > Long.MAX_VALUE - tick ? 0 : nanos - remainder + tick;
        }
        return Math.max(nanos - remainder, 0);
    }

    /** {@code price} rounded down to its tick. */
    static Price floor(Price price) {
        long nanos = price.nanos();
        long remainder = nanos % tick(nanos);
        if (remainder == 0) {
            return price;
        }
        long rounded = nanos - remainder;
        if (rounded <= 0) {
            throw new InvalidValueException("Price: " + price + " rounds down to 0, not a positive price");
        }
        return new Price(rounded);
    }

    /**
     * {@code entry − offset} (LONG) or {@code entry + offset} (SHORT) rounded half-up to the tick of the unrounded
     * value, in nanos; ≤ 0 when that is not a positive price.
     *
     * <p>The offset is split into whole nanos {@code q} and whether a fraction of a nano remains. Tick boundaries
     * and half ticks are whole nanos, so a raw value strictly between two whole nanos rounds like any other value
     * in that open interval: LONG {@code entry − q − fraction} rounds like {@code entry − q − ½}, which is what
     * {@code floor((entry − q − 1 + tick/2) / tick)} computes; SHORT {@code entry + q + fraction} rounds like
     * {@code entry + q + ½}, i.e. like {@code entry + q}.
     *
     * @param offset ≥ 0, dollars
     */
    static long halfUpStopNanos(long entryNanos, Direction direction, BigDecimal offset) {
        long split = splitOffset(offset);
        long stop = halfUpStopNanos(entryNanos, direction, split >>> 1, (split & 1) != 0);
        if (stop == TOO_LARGE) {
            throw new InvalidValueException("OrderPlanner: stop offset " + offset.toPlainString() + " is too large");
        }
        return stop;
    }

    /**
     * {@code offset} (≥ 0, dollars) as {@code 2 × min(whole nanos, HUGE) + (1 if a fraction of a nano remains)}:
     * the form {@link #halfUpStopNanos(long, Direction, long, boolean)} takes.
     */
    static long splitOffset(BigDecimal offset) {
        // offset = unscaled × 10^-scale dollars = unscaled × 10^(9 − scale) nanos
        int excessScale = offset.scale() - Price.SCALE;
        BigInteger unscaled = offset.unscaledValue();
        long wholeNanos;
        boolean fraction = false;
        if (unscaled.bitLength() < 63 && Math.abs(excessScale) < POWERS_OF_TEN.length) {
            long u = unscaled.longValue();
            if (excessScale > 0) {
                wholeNanos = u / POWERS_OF_TEN[excessScale];
                fraction = u % POWERS_OF_TEN[excessScale] != 0;
            } else {
                long factor = POWERS_OF_TEN[-excessScale];
                wholeNanos = u <= HUGE / factor ? u * factor : HUGE;
            }
        } else if (excessScale > 0) {
            BigInteger[] qr = unscaled.divideAndRemainder(BigInteger.TEN.pow(excessScale));
            wholeNanos = qr[0].compareTo(BigInteger.valueOf(HUGE)) < 0 ? qr[0].longValue() : HUGE;
            fraction = qr[1].signum() != 0;
        } else {
            BigInteger whole = unscaled.multiply(BigInteger.TEN.pow(-excessScale));
            wholeNanos = whole.compareTo(BigInteger.valueOf(HUGE)) < 0 ? whole.longValue() : HUGE;
        }
        return wholeNanos << 1 | (fraction ? 1 : 0);
    }

    /**
     * {@link #halfUpStopNanos(long, Direction, BigDecimal)} of an offset of {@code wholeNanos} (≤ HUGE) plus, when
     * {@code fraction}, a part of a nano; {@link #TOO_LARGE} when a SHORT's offset puts the stop out of range.
     */
    static long halfUpStopNanos(long entryNanos, Direction direction, long wholeNanos, boolean fraction) {
        if (direction == Direction.LONG) {
            long base = entryNanos - wholeNanos;
            if (base <= 0) {
                return 0;
            }
            // with a fraction, raw lies in (base − 1, base) and rounds like base − ½
            long lower = fraction ? base - 1 : base;
            return roundHalfUp(lower, tick(lower));
        }
        if (wholeNanos >= HUGE - entryNanos) {
            return TOO_LARGE;
        }
        // with a fraction, raw lies in (base, base + 1) and rounds like base + ½, i.e. like base
        long base = entryNanos + wholeNanos;
        return roundHalfUp(base, tick(base));
    }

    /** {@code value} (whole nanos) rounded half-up to a multiple of {@code tick}. */
    private static long roundHalfUp(long value, long tick) {
        return Math.floorDiv(value + tick / 2, tick) * tick;
    }
}
