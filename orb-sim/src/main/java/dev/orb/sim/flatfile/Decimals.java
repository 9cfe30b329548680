package dev.orb.sim.flatfile;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import dev.orb.domain.Price;

/**
 * The one parser and formatter of numbers in flat files: exact decimal text to whole nano units (prices) or
 * to whole numbers (volume, time, counts), straight from the bytes of a line, without allocating on the
 * common path. Exponent notation ({@code 1.5E-4}) is rare and goes through {@link BigDecimal}, with the same
 * result. Every failure is a {@link MalformedField} quoting the column and the text.
 */
final class Decimals {
    /** Largest whole part a nano-unit value may have, so that whole × 10⁹ + fraction fits in a long. */
    static final long MAX_WHOLE = Long.MAX_VALUE / Price.NANOS_PER_DOLLAR - 1;
    private static final int SCALE = Price.SCALE;
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L};
    /** Digits that can be accumulated into a long without any overflow check. */
    private static final int SAFE_DIGITS = 18;

    private Decimals() {
    }

    /**
     * Parses the decimal in {@code b[from, to)} into units of 10⁻⁹, exactly. Digits beyond the ninth decimal
     * must be zeros. Sign allowed; the caller decides whether a sign is acceptable.
     */
    static long parseNanos(byte[] b, int from, int to, String column) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long whole = 0;
        int digits = 0;
        byte c;
        while (i < to && (c = b[i]) >= '0' && c <= '9') {
            whole = whole * 10 + (c - '0');
            if (whole > MAX_WHOLE) {
                throw new MalformedField(column + " " + quote(b, from, to) + " is too large");
            }
            digits++;
            i++;
        }
        long fraction = 0;
        int fractionDigits = 0;
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && (c = b[i]) >= '0' && c <= '9') {
                if (fractionDigits < SCALE) {
                    fraction = fraction * 10 + (c - '0');
                    fractionDigits++;
                } else if (c != '0') {
                    throw new MalformedField(column + " " + quote(b, from, to) + " has more than " + SCALE
                            + " decimals");
                }
                digits++;
                i++;
            }
        }
        if (digits == 0) {
            throw notANumber(b, from, to, column);
        }
        if (i < to) {
            if (b[i] == 'e' || b[i] == 'E') {
                return exactNanos(b, from, to, column);
            }
            throw notANumber(b, from, to, column);
        }
        long value = whole * Price.NANOS_PER_DOLLAR + fraction * POW10[SCALE - fractionDigits];
        return negative ? -value : value;
    }

    /**
     * Parses the whole number in {@code b[from, to)}. A decimal point followed only by zeros ({@code 1200.0})
     * is accepted because its value is whole; any other fraction is rejected.
     */
    static long parseWhole(byte[] b, int from, int to, String column) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long value = 0;
        int digits = 0;
        byte c;
        while (i < to && (c = b[i]) >= '0' && c <= '9') {
            if (digits < SAFE_DIGITS) {
                value = value * 10 + (c - '0');
            } else {
                try {
                    value = Math.addExact(Math.multiplyExact(value, 10L), c - '0');
                } catch (ArithmeticException e) {
                    throw new MalformedField(column + " " + quote(b, from, to) + " is too large");
                }
            }
            digits++;
            i++;
        }
        boolean fractional = false;
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && (c = b[i]) >= '0' && c <= '9') {
                fractional |= c != '0';
                digits++;
                i++;
            }
        }
        if (digits == 0) {
            throw notANumber(b, from, to, column);
        }
        if (i < to) {
            if (b[i] == 'e' || b[i] == 'E') {
                BigDecimal exact = viaBigDecimal(b, from, to, column).stripTrailingZeros();
                try {
                    return exact.longValueExact();
                } catch (ArithmeticException e) {
                    throw new MalformedField(column + " " + quote(b, from, to) + " is not a whole number in range");
                }
            }
            throw notANumber(b, from, to, column);
        }
        if (fractional) {
            throw new MalformedField(column + " " + quote(b, from, to) + " is not a whole number");
        }
        return negative ? -value : value;
    }

    private static long exactNanos(byte[] b, int from, int to, String column) {
        BigDecimal scaled = viaBigDecimal(b, from, to, column).movePointRight(SCALE);
        try {
            BigDecimal whole = scaled.stripTrailingZeros();
            if (whole.scale() > 0) {
                throw new MalformedField(column + " " + quote(b, from, to) + " has more than " + SCALE + " decimals");
            }
            long value = whole.longValueExact();
            if (Math.abs(value / Price.NANOS_PER_DOLLAR) > MAX_WHOLE) {
                throw new MalformedField(column + " " + quote(b, from, to) + " is too large");
            }
            return value;
        } catch (ArithmeticException e) {
            throw new MalformedField(column + " " + quote(b, from, to) + " is too large");
        }
    }

    private static BigDecimal viaBigDecimal(byte[] b, int from, int to, String column) {
        try {
            return new BigDecimal(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException e) {
            throw notANumber(b, from, to, column);
        }
    }

    private static MalformedField notANumber(byte[] b, int from, int to, String column) {
        return new MalformedField(column + " " + quote(b, from, to) + " is not a number");
    }

    /** The field as it appears in the file, quoted, shortened and with control characters made visible. */
    static String quote(byte[] b, int from, int to) {
        return quote(b, from, to, 40);
    }

    /** {@link #quote(byte[], int, int)} keeping up to {@code max} characters. */
    static String quote(byte[] b, int from, int to, int max) {
        StringBuilder s = new StringBuilder("'");
        int end = Math.min(to, from + max);
        for (int i = from; i < end; i++) {
            int c = b[i] & 0xff;
            s.append(c < 0x20 || c >= 0x7f ? '?' : (char) c);
        }
        return s.append(to > end ? "...'" : "'").toString();
    }

    /** Plain decimal text of a nano-unit value, trailing zeros removed ({@code 171.5}, {@code 0.0123}, {@code 12}). */
    static String formatNanos(long nanos) {
        byte[] out = new byte[24];
        int n = appendNanos(out, 0, nanos);
        return new String(out, 0, n, StandardCharsets.US_ASCII);
    }

    /**
     * Writes the plain decimal of {@code nanos} into {@code out} at {@code at}; returns the new end. Needs at most
     * 22 bytes.
     */
    static int appendNanos(byte[] out, int at, long nanos) {
        int p = at;
        long abs = nanos;
        if (nanos < 0) {
            out[p++] = '-';
            abs = -nanos;
        }
        p = appendWhole(out, p, abs / Price.NANOS_PER_DOLLAR);
        long fraction = abs % Price.NANOS_PER_DOLLAR;
        if (fraction != 0) {
            int digits = SCALE;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            out[p++] = '.';
            for (int i = digits - 1; i >= 0; i--) {
                out[p + i] = (byte) ('0' + fraction % 10);
                fraction /= 10;
            }
            p += digits;
        }
        return p;
    }

    /** Writes the non-negative whole number {@code value}; returns the new end. Needs at most 19 bytes. */
    static int appendWhole(byte[] out, int at, long value) {
        if (value == 0) {
            out[at] = '0';
            return at + 1;
        }
        int digits = 0;
        for (long v = value; v != 0; v /= 10) {
            digits++;
        }
        long v = value;
        for (int i = at + digits - 1; i >= at; i--) {
            out[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return at + digits;
    }
}
