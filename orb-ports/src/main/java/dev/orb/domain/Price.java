package dev.orb.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A strictly positive price in US dollars, exact, stored as a whole number of nano-dollars
 * (fixed scale {@value #SCALE}), the one price representation of orb.
 *
 * <p>Bar prices from data vendors may carry more decimals than the exchange tick ({@code 166.975});
 * anything that becomes an order must be on the tick: {@link #isOnTick()} and
 * {@link #roundToTick(BigDecimal, RoundingMode)} implement strategy.md §6 — $0.01 for prices of $1.00 and
 * more, $0.0001 below $1.00, the tick chosen by the price being rounded. Arithmetic that can leave the
 * positive range (differences, P&amp;L) is done on {@link #toBigDecimal()}.
 *
 * @param nanos the price in units of 10<sup>-9</sup> dollars, &gt; 0
 */
public record Price(long nanos) implements Comparable<Price> {
    /** Decimal places kept exactly. */
    public static final int SCALE = 9;
    /** Nano-dollars per dollar. */
    public static final long NANOS_PER_DOLLAR = 1_000_000_000L;
    /** The tick of prices at or above $1.00. */
    public static final BigDecimal TICK_AT_OR_ABOVE_ONE_DOLLAR = new BigDecimal("0.01");
    /** The tick of prices below $1.00. */
    public static final BigDecimal TICK_BELOW_ONE_DOLLAR = new BigDecimal("0.0001");

    private static final long CENT = NANOS_PER_DOLLAR / 100;
    private static final long HUNDREDTH_CENT = NANOS_PER_DOLLAR / 10_000;

    public Price {
        if (!(nanos > 0)) {
            throw new InvalidValueException("Price: " + plain(nanos) + " must be positive");
        }
    }

    /**
     * Parses an exact decimal such as {@code "10.25"}.
     *
     * @throws InvalidValueException if the text is not a decimal, not positive or has more than {@value #SCALE}
     *     decimals; the message quotes the text
     */
    public static Price of(String text) {
        Require.nonNull(text, "Price");
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("Price: '" + text + "' is not a decimal number", e);
        }
        return of(value);
    }

    /**
     * The exact price {@code value}.
     *
     * @throws InvalidValueException if not positive or more than {@value #SCALE} decimals would be lost
     */
    public static Price of(BigDecimal value) {
        Require.nonNull(value, "Price");
        BigDecimal scaled;
        try {
            scaled = value.setScale(SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new InvalidValueException("Price: " + value.toPlainString() + " has more than " + SCALE
                    + " decimals", e);
        }
        try {
            return new Price(scaled.unscaledValue().longValueExact());
        } catch (ArithmeticException e) {
            throw new InvalidValueException("Price: " + value.toPlainString() + " is too large", e);
        }
    }

    /**
     * Converts a price read from binary data (a JSON number, a CSV double) to the nearest
     * {@value #SCALE}-decimal price. Only for vendor data; never for an order price.
     */
    public static Price ofVendorDouble(double value) {
        if (!(Double.isFinite(value) && value > 0)) {
            throw new InvalidValueException("Price: " + value + " must be a finite positive number");
        }
        return of(BigDecimal.valueOf(value).setScale(SCALE, RoundingMode.HALF_EVEN));
    }

    /** The price with the given whole number of cents, e.g. {@code ofCents(1025)} is $10.25. */
    public static Price ofCents(long cents) {
        return new Price(Math.multiplyExact(cents, CENT));
    }

    /**
     * Rounds an exact (possibly off-tick) amount to the exchange tick: $0.01 when {@code value ≥ 1.00},
     * $0.0001 below.
     *
     * @throws InvalidValueException if the rounded amount is not positive
     */
    public static Price roundToTick(BigDecimal value, RoundingMode mode) {
        Require.nonNull(value, "Price");
        Require.nonNull(mode, "mode");
        BigDecimal tick = tickFor(value);
        BigDecimal rounded = value.divide(tick, 0, mode).multiply(tick);
        if (rounded.signum() <= 0) {
            throw new InvalidValueException("Price: " + value.toPlainString() + " rounds to " + rounded.toPlainString()
                    + ", not a positive price");
        }
        return of(rounded);
    }

    /** The tick that applies to {@code value}: $0.01 at or above $1.00, $0.0001 below. */
    public static BigDecimal tickFor(BigDecimal value) {
        return value.compareTo(BigDecimal.ONE) >= 0 ? TICK_AT_OR_ABOVE_ONE_DOLLAR : TICK_BELOW_ONE_DOLLAR;
    }

    /** The tick that applies to this price. */
    public BigDecimal tick() {
        return nanos >= NANOS_PER_DOLLAR ? TICK_AT_OR_ABOVE_ONE_DOLLAR : TICK_BELOW_ONE_DOLLAR;
    }

    /** True when this price is a whole number of its {@link #tick()}. */
    public boolean isOnTick() {
        long tickNanos = nanos >= NANOS_PER_DOLLAR ? CENT : HUNDREDTH_CENT;
        return nanos % tickNanos == 0;
    }

    /** This price rounded to its own tick with {@code mode}. */
    public Price roundToTick(RoundingMode mode) {
        return roundToTick(toBigDecimal(), mode);
    }

    /** The exact value, with trailing zeros removed but at least two decimals ({@code 10.50}, {@code 0.8512}). */
    public BigDecimal toBigDecimal() {
        BigDecimal exact = BigDecimal.valueOf(nanos, SCALE).stripTrailingZeros();
        return exact.scale() < 2 ? exact.setScale(2, RoundingMode.UNNECESSARY) : exact;
    }

    /** The value as a double, for analytics and charts only. */
    public double toDouble() {
        return nanos / (double) NANOS_PER_DOLLAR;
    }

    public boolean isAbove(Price other) {
        return nanos > other.nanos;
    }

    public boolean isBelow(Price other) {
        return nanos < other.nanos;
    }

    public static Price max(Price a, Price b) {
        return a.nanos >= b.nanos ? a : b;
    }

    public static Price min(Price a, Price b) {
        return a.nanos <= b.nanos ? a : b;
    }

    @Override
    public int compareTo(Price other) {
        return Long.compare(nanos, other.nanos);
    }

    /**
     * The plain decimal of {@link #toBigDecimal()}, e.g. {@code 10.25}, {@code 0.8512}: written from the long without
     * a {@link BigDecimal} (scans and validation messages format prices by the thousand).
     */
    @Override
    public String toString() {
        long fraction = nanos % NANOS_PER_DOLLAR;
        int decimals = SCALE;
        while (decimals > 2 && fraction % 10 == 0) {
            fraction /= 10;
            decimals--;
        }
        StringBuilder b = new StringBuilder(24).append(nanos / NANOS_PER_DOLLAR).append('.');
        String digits = Long.toString(fraction);
        for (int i = digits.length(); i < decimals; i++) {
            b.append('0');
        }
        return b.append(digits).toString();
    }

    private static String plain(long nanos) {
        return BigDecimal.valueOf(nanos, SCALE).stripTrailingZeros().toPlainString();
    }
}
