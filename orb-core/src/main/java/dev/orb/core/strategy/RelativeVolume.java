package dev.orb.core.strategy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

import dev.orb.domain.InvalidValueException;

/**
 * Relative volume (strategy.md §4) as an exact {@link Ratio}, by either method of {@code rvol.method}.
 * Stateless and thread-safe.
 */
public final class RelativeVolume {
    /** Minutes of a regular session, the scale factor of {@code DAILY_APPROX}. */
    public static final int REGULAR_SESSION_MINUTES = 390;

    private RelativeVolume() {
    }

    /**
     * {@code OPENING_RANGE}: today's opening-range volume over the mean opening-range volume of the previous
     * sessions, i.e. {@code today × n / Σprevious} with {@code n = previousVolumes.length}. A previous session
     * without bars in the window counts as 0.
     *
     * @param todayVolume     today's opening-range volume, ≥ 0
     * @param previousVolumes the opening-range volumes of the look-back sessions, each ≥ 0
     * @return empty when the mean is 0 (no history: ineligible)
     * @throws InvalidValueException if a volume is negative
     */
    public static Optional<Ratio> openingRange(long todayVolume, long[] previousVolumes) {
        Objects.requireNonNull(previousVolumes, "previousVolumes");
        checkVolume(todayVolume, "todayVolume");
        long sum = 0;
        BigInteger bigSum = null;
        for (long v : previousVolumes) {
            checkVolume(v, "previousVolumes");
            if (bigSum == null) {
                long s = sum + v;
                // Both are non-negative, so a negative sum means the long overflowed.
                if (s < 0) {
                    bigSum = BigInteger.valueOf(sum).add(BigInteger.valueOf(v));
                } else {
                    sum = s;
                }
            } else {
                bigSum = bigSum.add(BigInteger.valueOf(v));
            }
        }
        if (bigSum == null && sum == 0) {
            return Optional.empty();
        }
        BigInteger denominator = bigSum != null ? bigSum : BigInteger.valueOf(sum);
        int n = previousVolumes.length;
        long high = Math.multiplyHigh(todayVolume, n);
        BigInteger numerator = high == 0 && todayVolume * n >= 0 ? BigInteger.valueOf(todayVolume * n)
                : BigInteger.valueOf(todayVolume).multiply(BigInteger.valueOf(n));
        return Optional.of(new Ratio(numerator, denominator));
    }

    /**
     * {@code DAILY_APPROX}: {@code orVolume × (390 / minutes) / avgVolume14}, exact.
     *
     * @param orVolume    today's opening-range volume, ≥ 0
     * @param minutes     the opening-range length N, 1..390
     * @param avgVolume14 the average daily volume, ≥ 0
     * @return empty when {@code avgVolume14} is 0
     * @throws InvalidValueException if a volume is negative or {@code minutes} is out of range
     */
    public static Optional<Ratio> dailyApprox(long orVolume, int minutes, BigDecimal avgVolume14) {
        Objects.requireNonNull(avgVolume14, "avgVolume14");
        checkVolume(orVolume, "orVolume");
        if (minutes < 1 || minutes > REGULAR_SESSION_MINUTES) {
            throw new InvalidValueException("RelativeVolume.minutes: " + minutes + " must be in 1.."
                    + REGULAR_SESSION_MINUTES);
        }
        if (avgVolume14.signum() < 0) {
            throw new InvalidValueException("RelativeVolume.avgVolume14: " + avgVolume14.toPlainString()
                    + " must not be negative");
        }
        if (avgVolume14.signum() == 0) {
            return Optional.empty();
        }
        // orVolume × 390 / (minutes × avg), avg = unscaled × 10^-scale.
        Ratio avg = Ratio.ofDecimal(avgVolume14);
        BigInteger numerator = BigInteger.valueOf(orVolume).multiply(BigInteger.valueOf(REGULAR_SESSION_MINUTES))
                .multiply(avg.denominator());
        BigInteger denominator = avg.numerator().multiply(BigInteger.valueOf(minutes));
        return Optional.of(new Ratio(numerator, denominator));
    }

    private static void checkVolume(long volume, String field) {
        if (volume < 0) {
            throw new InvalidValueException("RelativeVolume." + field + ": " + volume + " must not be negative");
        }
    }
}
