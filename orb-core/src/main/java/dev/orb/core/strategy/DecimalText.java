package dev.orb.core.strategy;

import java.math.BigDecimal;

import dev.orb.domain.Price;

/**
 * The text of {@code value.stripTrailingZeros().toPlainString()}, written without the {@link BigDecimal}
 * normalisation: the scan writes a note for every ineligible symbol. (Prices format themselves the same way,
 * {@link Price#toString()}.)
 * The same strings, character for character. Stateless and thread-safe.
 */
final class DecimalText {
    private DecimalText() {
    }

    /**
     * Appends {@code value.stripTrailingZeros().toPlainString()}, or {@code "0"} for a zero (which
     * {@code stripTrailingZeros} would leave as {@code 0} anyway).
     */
    static void appendStripped(StringBuilder b, BigDecimal value) {
        if (value.signum() == 0) {
            b.append('0');
            return;
        }
        int scale = value.scale();
        long u = Decimals.unscaledLong(value);
        if (u == Decimals.TOO_LONG && scale > 0) {
            // stripTrailingZeros divides a BigInteger by ten per zero; strip the digits instead
            appendStripped(b, value.unscaledValue().toString(), scale);
            return;
        }
        if (u == Decimals.TOO_LONG || scale < -18 || scale > 18) {
            b.append(value.stripTrailingZeros().toPlainString());
            return;
        }
        while (scale > 0 && u % 10 == 0) {
            u /= 10;
            scale--;
        }
        if (u < 0) {
            b.append('-');
            u = -u;
        }
        if (scale <= 0) {
            // a stripped value with a negative scale prints its trailing zeros (1E+3 → "1000")
            b.append(u);
            for (int i = 0; i < -scale; i++) {
                b.append('0');
            }
            return;
        }
        long power = TickMath.POWERS_OF_TEN[scale];
        b.append(u / power).append('.');
        appendPadded(b, u % power, scale);
    }

    /**
     * Appends the stripped plain text of {@code digits × 10^-scale} ({@code digits}: an integer's text; scale &gt; 0).
     */
    private static void appendStripped(StringBuilder b, String digits, int scale) {
        int start = digits.startsWith("-") ? 1 : 0;
        int end = digits.length();
        while (scale > 0 && digits.charAt(end - 1) == '0') {
            end--;
            scale--;
        }
        b.append(digits, 0, start);
        int whole = end - start - scale;
        if (whole > 0) {
            b.append(digits, start, start + whole);
        } else {
            b.append('0');
        }
        if (scale > 0) {
            b.append('.');
            for (int i = whole; i < 0; i++) {
                b.append('0');
            }
            b.append(digits, Math.max(start, start + whole), end);
        }
    }

    /** Appends {@code value} (≥ 0) with leading zeros to {@code digits} digits. */
    private static void appendPadded(StringBuilder b, long value, int digits) {
        for (long p = TickMath.POWERS_OF_TEN[digits - 1]; p > 1 && value < p; p /= 10) {
            b.append('0');
        }
        b.append(value);
    }
}
