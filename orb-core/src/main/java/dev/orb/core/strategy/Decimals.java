package dev.orb.core.strategy;

import java.math.BigDecimal;

/** Access to a {@link BigDecimal}'s unscaled value without allocating. Stateless and thread-safe. */
final class Decimals {
    /** {@link #unscaledLong}'s answer for a value of more than 18 digits. */
    static final long TOO_LONG = Long.MIN_VALUE;

    private Decimals() {
    }

    /**
     * {@code value.unscaledValue().longValue()} when the unscaled value has at most 18 digits (so below 2^60 in
     * magnitude), else {@link #TOO_LONG}. {@link BigDecimal#unscaledValue()} allocates a {@code BigInteger} for such
     * a value; {@code scaleByPowerOfTen} followed by {@code longValue} does not once the JIT has inlined them.
     */
    static long unscaledLong(BigDecimal value) {
        return value.precision() <= 18 ? value.scaleByPowerOfTen(value.scale()).longValue() : TOO_LONG;
    }
}
