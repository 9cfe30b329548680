package dev.orb.core.strategy;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The protective-stop offset {@code stop.atrFraction × ATR} of {@link OrderPlanner#protectiveStop}, snapped to
 * {@value OrderPlanner#OFFSET_SCALE} decimals half-even and split into whole nano-dollars and a "fraction of a nano
 * remains" flag ({@link TickMath#splitOffset}), computed in 128-bit integer arithmetic instead of with
 * {@link BigDecimal}s: the scan needs it for every ranked candidate, and an ATR from {@link DailyStatistics} (scale
 * 20) does not fit in a long.
 *
 * <p>{@link #split} gives exactly {@code TickMath.splitOffset(offset)} of the decimal offset, or {@link #NOT_FAST}
 * for inputs outside its range (a negative or a very large scale, more than 125 bits in the product), where the
 * caller takes the decimal path. Not thread-safe (it keeps a 128-bit scratch value); one per scan.
 */
final class StopOffset {
    /** {@link #split}'s answer when the caller must compute the offset with {@link BigDecimal}s. */
    static final long NOT_FAST = -1;
    private static final long LOW_32 = 0xFFFF_FFFFL;
    private static final long[] POWERS_OF_TEN = TickMath.POWERS_OF_TEN;

    /** Unscaled value and scale of the fraction; {@code usable} false when the unscaled value needs > 62 bits. */
    private final long fraction;
    private final int fractionScale;
    private final int fractionBits;
    private final boolean usable;

    /** The 128-bit unsigned scratch value {@code hi × 2^64 + lo}. */
    private long hi;
    private long lo;

    StopOffset(BigDecimal atrFraction) {
        BigInteger unscaled = atrFraction.unscaledValue();
        usable = atrFraction.signum() > 0 && unscaled.bitLength() <= 62;
        fraction = usable ? unscaled.longValue() : 0;
        fractionScale = atrFraction.scale();
        fractionBits = unscaled.bitLength();
    }

    /**
     * {@code TickMath.splitOffset(fraction × atr snapped to 18 decimals)}, i.e.
     * {@code 2 × min(whole nanos, HUGE) + (1 if a fraction of a nano remains)}, or {@link #NOT_FAST}. The ATR
     * (never negative) comes as {@link ScanInput} holds it: its unscaled value {@code uHi × 2^64 + uLo} (unsigned,
     * {@code bits} bits, or {@link ScanInput#ATR_TOO_LONG} for one too long to hold) and its scale.
     */
    long split(long uLo, long uHi, int bits, int atrScale) {
        if (!usable || bits < 0) {
            return NOT_FAST;
        }
        if (bits == 0) {
            return 0;
        }
        long scale = (long) fractionScale + atrScale;
        if (scale < 0 || scale > 36) {
            return NOT_FAST;
        }
        if (bits + fractionBits > 125) {
            return NOT_FAST;
        }
        // hi:lo = fraction × unscaled (< 2^125)
        lo = fraction * uLo;
        hi = fraction * uHi + Math.multiplyHigh(fraction, uLo) + ((uLo >> 63) & fraction);
        if (scale > OrderPlanner.OFFSET_SCALE) {
            // setScale(18, HALF_EVEN)
            int drop = (int) scale - OrderPlanner.OFFSET_SCALE;
            long half = POWERS_OF_TEN[drop] / 2;
            long remainder = divideByPowerOfTen(drop);
            if (remainder > half || remainder == half && (lo & 1) != 0) {
                lo++;
                if (lo == 0) {
                    hi++;
                }
            }
            scale = OrderPlanner.OFFSET_SCALE;
        }
        int excess = (int) scale - dev.orb.domain.Price.SCALE;
        boolean fractionOfNano = false;
        if (excess > 0) {
            fractionOfNano = divideByPowerOfTen(excess) != 0;
        }
        long whole;
        if (hi != 0 || lo < 0 || lo > TickMath.HUGE) {
            whole = TickMath.HUGE;
        } else if (excess >= 0) {
            whole = lo;
        } else {
            long factor = POWERS_OF_TEN[-excess];
            whole = lo <= TickMath.HUGE / factor ? lo * factor : TickMath.HUGE;
        }
        return whole << 1 | (fractionOfNano ? 1 : 0);
    }

    /** Divides the scratch value by 10^k (1 ≤ k ≤ 18) in place; returns the remainder. */
    private long divideByPowerOfTen(int k) {
        if (k <= 9) {
            return divideByPowerOfTenUpTo9(k);
        }
        long low = divideSmall(1_000_000_000L);
        long high = divideByPowerOfTenUpTo9(k - 9);
        return high * POWERS_OF_TEN[9] + low;
    }

    /** Constant divisors, which the JIT turns into multiplications once {@link #divideSmall} is inlined. */
    private long divideByPowerOfTenUpTo9(int k) {
        return switch (k) {
            case 1 -> divideSmall(10L);
            case 2 -> divideSmall(100L);
            case 3 -> divideSmall(1_000L);
            case 4 -> divideSmall(10_000L);
            case 5 -> divideSmall(100_000L);
            case 6 -> divideSmall(1_000_000L);
            case 7 -> divideSmall(10_000_000L);
            case 8 -> divideSmall(100_000_000L);
            default -> divideSmall(1_000_000_000L);
        };
    }

    /** Divides the scratch value by {@code d} (0 &lt; d ≤ 10^9 &lt; 2^31) in place, 32 bits at a time. */
    private long divideSmall(long d) {
        long x = hi >>> 32;
        long q3 = x / d;
        long r = x % d;
        x = r << 32 | hi & LOW_32;
        long q2 = x / d;
        r = x % d;
        x = r << 32 | lo >>> 32;
        long q1 = x / d;
        r = x % d;
        x = r << 32 | lo & LOW_32;
        long q0 = x / d;
        r = x % d;
        hi = q3 << 32 | q2;
        lo = q1 << 32 | q0;
        return r;
    }
}
