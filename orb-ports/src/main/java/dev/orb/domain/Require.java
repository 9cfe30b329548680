package dev.orb.domain;

import java.math.BigDecimal;

/**
 * Validation helpers for record constructors; every message names the field. Conditions with a composed message are
 * written as {@code if (!ok) throw …} at the call site, so that a valid value never pays for building the message
 * (prices and bars are constructed millions of times in a backtest).
 */
final class Require {
    private Require() {
    }

    static <T> T nonNull(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field + ": must not be null");
        }
        return value;
    }

    static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new InvalidValueException(field + ": " + value + " must not be negative");
        }
        return value;
    }

    static long positive(long value, String field) {
        if (value <= 0) {
            throw new InvalidValueException(field + ": " + value + " must be positive");
        }
        return value;
    }

    static BigDecimal nonNegative(BigDecimal value, String field) {
        nonNull(value, field);
        if (value.signum() < 0) {
            throw new InvalidValueException(field + ": " + value.toPlainString() + " must not be negative");
        }
        return value;
    }

    static BigDecimal positive(BigDecimal value, String field) {
        nonNull(value, field);
        if (value.signum() <= 0) {
            throw new InvalidValueException(field + ": " + value.toPlainString() + " must be positive");
        }
        return value;
    }

    static double finiteNonNegative(double value, String field) {
        if (!Double.isFinite(value) || value < 0) {
            throw new InvalidValueException(field + ": " + value + " must be a finite, non-negative number");
        }
        return value;
    }
}
