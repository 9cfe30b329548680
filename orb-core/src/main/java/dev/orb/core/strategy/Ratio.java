package dev.orb.core.strategy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Objects;

import dev.orb.domain.InvalidValueException;

/**
 * An exact non-negative ratio {@code numerator / denominator}, used for relative volume so that the
 * {@code rvol ≥ 1.0} test and the ranking are decided exactly (by cross-multiplication), never by a
 * {@code double} that could put a ratio of exactly 1 on either side.
 *
 * <p>Not reduced: {@code 1/2} and {@code 2/4} are different records ({@link #equals(Object)} compares the
 * components) but compare as equal. Like {@link BigDecimal}, {@link #compareTo(Ratio)} is therefore inconsistent
 * with {@code equals}; use {@code compareTo} to compare values. Comparisons of ratios whose parts fit in a
 * {@code long} use 128-bit long arithmetic and allocate nothing.
 *
 * @param numerator   ≥ 0
 * @param denominator &gt; 0
 */
public record Ratio(BigInteger numerator, BigInteger denominator) implements Comparable<Ratio> {
    private static final MathContext QUOTIENT_DIGITS = new MathContext(40);
    /** Parts below 2^53 convert to {@code double} exactly, so their quotient is correctly rounded. */
    static final long EXACT_DOUBLE_LIMIT = 1L << 53;

    public Ratio {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (numerator.signum() < 0) {
            throw new InvalidValueException("Ratio.numerator: " + numerator + " must not be negative");
        }
        if (denominator.signum() <= 0) {
            throw new InvalidValueException("Ratio.denominator: " + denominator + " must be positive");
        }
    }

    /** The ratio {@code numerator / denominator}; numerator ≥ 0, denominator &gt; 0. */
    public static Ratio of(long numerator, long denominator) {
        return new Ratio(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /**
     * The exact value of a non-negative decimal, e.g. {@code 1.25} → {@code 125/100}.
     *
     * @throws InvalidValueException if {@code value} is negative
     */
    public static Ratio ofDecimal(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new InvalidValueException("Ratio: " + value.toPlainString() + " must not be negative");
        }
        int scale = value.scale();
        return scale >= 0
                ? new Ratio(value.unscaledValue(), BigInteger.TEN.pow(scale))
                : new Ratio(value.unscaledValue().multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE);
    }

    /** True when this ratio is {@code ≥ threshold}, decided exactly; always true for a negative threshold. */
    public boolean isAtLeast(BigDecimal threshold) {
        Objects.requireNonNull(threshold, "threshold");
        return threshold.signum() <= 0 || compareTo(ofDecimal(threshold)) >= 0;
    }

    /** Exact comparison of the two values by cross-multiplication. */
    @Override
    public int compareTo(Ratio other) {
        if (numerator.bitLength() < Long.SIZE && denominator.bitLength() < Long.SIZE
                && other.numerator.bitLength() < Long.SIZE && other.denominator.bitLength() < Long.SIZE) {
            return compareProducts(numerator.longValue(), other.denominator.longValue(),
                    other.numerator.longValue(), denominator.longValue());
        }
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    /**
     * The value as a {@code double}, for display and storage only: correctly rounded when both parts have at most
     * 53 bits, otherwise rounded from a 40-digit decimal quotient (off by at most one unit in the last place).
     */
    public double toDouble() {
        if (numerator.bitLength() <= 53 && denominator.bitLength() <= 53) {
            return numerator.doubleValue() / denominator.doubleValue();
        }
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), QUOTIENT_DIGITS).doubleValue();
    }

    /** {@code Ratio.of(numerator, denominator).toDouble()} without the ratio (numerator ≥ 0, denominator &gt; 0). */
    static double toDouble(long numerator, long denominator) {
        if (numerator < EXACT_DOUBLE_LIMIT && denominator < EXACT_DOUBLE_LIMIT) {
            return (double) numerator / (double) denominator;
        }
        return of(numerator, denominator).toDouble();
    }

    /** {@code numerator/denominator}, e.g. {@code 28/14}. */
    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }

    /**
     * Compares {@code a × b} with {@code c × d} for non-negative longs, exactly: the products are below
     * 2<sup>126</sup>, so comparing the signed high words and then the unsigned low words is a 128-bit compare.
     */
    static int compareProducts(long a, long b, long c, long d) {
        long high1 = Math.multiplyHigh(a, b);
        long high2 = Math.multiplyHigh(c, d);
        if (high1 != high2) {
            return Long.compare(high1, high2);
        }
        return Long.compareUnsigned(a * b, c * d);
    }
}
