package dev.orb.core.strategy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The relative volume of one symbol at a time for the scan: the same exact ratio as {@link RelativeVolume} (same
 * numerator and denominator), held as two longs when they fit, so that the {@code scan.minRvol} test needs no
 * {@link BigInteger}. Whenever a value or a product does not fit, or an input is invalid, it defers to
 * {@link RelativeVolume} itself, which computes the big ratio or throws its usual exception.
 *
 * <p>Mutable scratch, one per scan: each {@code compute…} call replaces the current value. Not thread-safe.
 */
final class ScanRvol {
    private final Ratio minimum;
    private final boolean minimumFits;
    private final long minimumNumerator;
    private final long minimumDenominator;

    private boolean present;
    /** The value {@code numerator / denominator} when {@code big} is null. */
    private long numerator;
    private long denominator;
    /** The value when it does not fit in two longs, else null. */
    private Ratio big;

    ScanRvol(Ratio minimum) {
        this.minimum = minimum;
        minimumFits = minimum.numerator().bitLength() < Long.SIZE && minimum.denominator().bitLength() < Long.SIZE;
        minimumNumerator = minimumFits ? minimum.numerator().longValue() : 0;
        minimumDenominator = minimumFits ? minimum.denominator().longValue() : 1;
    }

    /**
     * {@link RelativeVolume#openingRange} of a history whose sum is known ({@link ScanInput}'s column).
     *
     * @param historySum      the sum of {@code previousVolumes}, or {@link ScanInput#HISTORY_UNUSUAL} when a volume
     *                        is negative or the sum overflows
     * @param n               the history's length
     * @param previousVolumes the history, only read when {@code historySum} is unusual or a product overflows (so
     *                        that the scan does not fetch 10,000 arrays)
     * @return whether there is a value (false: no history, or one of zeros)
     */
    boolean computeOpeningRange(long todayVolume, long historySum, int n, long[] previousVolumes) {
        big = null;
        if (todayVolume < 0 || historySum == ScanInput.HISTORY_UNUSUAL) {
            return fromRelativeVolume(RelativeVolume.openingRange(todayVolume, previousVolumes));
        }
        if (historySum == 0) {
            present = false;
            return false;
        }
        long product = todayVolume * n;
        if (Math.multiplyHigh(todayVolume, n) != 0 || product < 0) {
            return fromRelativeVolume(RelativeVolume.openingRange(todayVolume, previousVolumes));
        }
        return set(product, historySum);
    }

    /**
     * {@link RelativeVolume#dailyApprox}: {@code orVolume × 390 × 10^scale / (unscaled(avg) × minutes)}.
     *
     * @return whether there is a value (false: an average volume of 0)
     */
    boolean computeDailyApprox(long orVolume, int minutes, BigDecimal avgVolume14) {
        big = null;
        int scale = avgVolume14.scale();
        if (orVolume < 0 || minutes < 1 || minutes > RelativeVolume.REGULAR_SESSION_MINUTES
                || avgVolume14.signum() <= 0 || scale < 0 || scale >= TickMath.POWERS_OF_TEN.length) {
            return fromRelativeVolume(RelativeVolume.dailyApprox(orVolume, minutes, avgVolume14));
        }
        long unscaled = Decimals.unscaledLong(avgVolume14);
        long scaledVolume = orVolume * RelativeVolume.REGULAR_SESSION_MINUTES;
        long powerOfTen = TickMath.POWERS_OF_TEN[scale];
        long num = scaledVolume * powerOfTen;
        if (unscaled == Decimals.TOO_LONG || orVolume > Long.MAX_VALUE / RelativeVolume.REGULAR_SESSION_MINUTES
                || Math.multiplyHigh(scaledVolume, powerOfTen) != 0 || num < 0) {
            return fromRelativeVolume(RelativeVolume.dailyApprox(orVolume, minutes, avgVolume14));
        }
        // unscaled < 10^18 times minutes ≤ 390 can exceed a long
        long den = unscaled * minutes;
        if (Math.multiplyHigh(unscaled, minutes) != 0 || den < 0) {
            return fromRelativeVolume(RelativeVolume.dailyApprox(orVolume, minutes, avgVolume14));
        }
        return set(num, den);
    }

    private boolean set(long num, long den) {
        numerator = num;
        denominator = den;
        present = true;
        return true;
    }

    private boolean fromRelativeVolume(Optional<Ratio> rvol) {
        big = rvol.orElse(null);
        present = big != null;
        return present;
    }

    /** Whether the current value is ≥ {@code scan.minRvol}, exactly. */
    boolean isAtLeastMinimum() {
        if (big == null && minimumFits) {
            return Ratio.compareProducts(numerator, minimumDenominator, minimumNumerator, denominator) >= 0;
        }
        return ratio().compareTo(minimum) >= 0;
    }

    /** {@link Ratio#toDouble()} of the current value. */
    double toDouble() {
        return big == null ? Ratio.toDouble(numerator, denominator) : big.toDouble();
    }

    /** Whether {@link #toDouble()} is the correctly rounded value (both parts below 2^53). */
    boolean isDoubleExactlyRounded() {
        return big == null && numerator < Ratio.EXACT_DOUBLE_LIMIT && denominator < Ratio.EXACT_DOUBLE_LIMIT;
    }

    /** The current value as {@link RelativeVolume} returns it. */
    Ratio ratio() {
        return big != null ? big : Ratio.of(numerator, denominator);
    }

    /** The big value, or null when the value is {@link #numerator()} / {@link #denominator()}. */
    Ratio big() {
        return big;
    }

    long numerator() {
        return numerator;
    }

    long denominator() {
        return denominator;
    }
}
