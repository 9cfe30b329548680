package dev.orb.sim;

import java.time.Instant;
import java.util.Objects;

/**
 * Conversions between {@link Instant} and epoch nanoseconds (UTC), the time unit of Polygon flat files and of
 * {@link BarSeries}. A {@code long} of nanoseconds covers the years 1677 to 2262.
 */
public final class EpochNanos {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private EpochNanos() {
    }

    /**
     * The epoch nanoseconds of {@code instant}.
     *
     * @throws ArithmeticException if the instant is outside the range a {@code long} can hold
     */
    public static long of(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    }

    /** The instant {@code epochNanos} nanoseconds after 1970-01-01T00:00Z (negative: before). */
    public static Instant toInstant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND),
                Math.floorMod(epochNanos, NANOS_PER_SECOND));
    }
}
