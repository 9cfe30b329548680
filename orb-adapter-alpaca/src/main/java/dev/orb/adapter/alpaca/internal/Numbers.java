package dev.orb.adapter.alpaca.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orb.domain.Price;

/**
 * Reads Alpaca's decimal strings ("100", "301.50", "-5") exactly. orb trades whole shares; a fractional
 * quantity can only come from an order or position orb did not create and is rounded away from zero (so that
 * a fractional remnant still counts as "not flat"), with a warning.
 */
final class Numbers {
    private static final Logger LOG = LoggerFactory.getLogger(Numbers.class);

    private Numbers() {
    }

    /** The exact decimal, or null for null/blank. */
    static BigDecimal decimal(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new NumberFormatException(field + ": '" + text + "' is not a decimal number");
        }
    }

    /** The decimal, or {@code fallback} for null/blank. */
    static BigDecimal decimal(String text, String field, BigDecimal fallback) {
        BigDecimal d = decimal(text, field);
        return d == null ? fallback : d;
    }

    /** Whole shares (signed), 0 for null/blank; fractions rounded away from zero. */
    static long shares(String text, String field) {
        BigDecimal d = decimal(text, field);
        if (d == null) {
            return 0;
        }
        BigDecimal whole = d.setScale(0, RoundingMode.UP);
        if (whole.compareTo(d) != 0) {
            LOG.warn("{}: fractional quantity {} read as {} (orb trades whole shares)", field, d.toPlainString(),
                    whole.toPlainString());
        }
        return whole.longValueExact();
    }

    /** The price, or null when absent or not positive; more than 9 decimals are rounded half-even. */
    static Price price(String text, String field) {
        BigDecimal d = decimal(text, field);
        if (d == null || d.signum() <= 0) {
            return null;
        }
        return Price.of(d.setScale(Math.min(Math.max(d.scale(), 0), Price.SCALE), RoundingMode.HALF_EVEN));
    }
}
