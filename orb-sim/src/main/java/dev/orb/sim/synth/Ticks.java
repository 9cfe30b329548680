package dev.orb.sim.synth;

import dev.orb.domain.Price;

/** Prices of the generator on the exchange tick of their level, in nano-dollars. */
final class Ticks {
    private static final long CENT = Price.NANOS_PER_DOLLAR / 100;
    private static final long HUNDREDTH_CENT = Price.NANOS_PER_DOLLAR / 10_000;

    private Ticks() {
    }

    /**
     * The nearest price on the tick of its level ($0.01 from $1.00, $0.0001 below), at least $0.0001. Monotone
     * non-decreasing, and identity on prices already on their tick, so {@code x ≥ y} stays {@code ≥} after
     * rounding.
     */
    static long nanos(double dollars) {
        if (dollars >= 1.0) {
            return Math.round(dollars * 100) * CENT;
        }
        return Math.max(1, Math.round(dollars * 10_000)) * HUNDREDTH_CENT;
    }

    static double dollars(long nanos) {
        return nanos / (double) Price.NANOS_PER_DOLLAR;
    }
}
