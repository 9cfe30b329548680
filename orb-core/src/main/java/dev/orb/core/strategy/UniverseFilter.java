package dev.orb.core.strategy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

import dev.orb.core.config.OrbConfig;
import dev.orb.domain.DailyStats;
import dev.orb.domain.Price;

/**
 * The nightly universe filter of strategy.md §2: {@code prevClose ≥ universe.minPrice},
 * {@code avgVolume14 ≥ universe.minAvgVolume}, {@code ATR14 ≥ universe.minAtr}, every bound inclusive and
 * compared exactly.
 *
 * <p>The "common stocks only" rule depends on reference data that {@link DailyStats} does not carry; the caller
 * applies it when building the list of symbols. Stateless and thread-safe.
 */
public final class UniverseFilter {
    private UniverseFilter() {
    }

    /**
     * Why {@code stats} fails the filter, or empty when it passes. Every failed rule is named with its values,
     * e.g. {@code "prevClose 4.99 < 5.00"}; several are joined with {@code "; "}.
     */
    public static Optional<String> rejection(DailyStats stats, OrbConfig config) {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(config, "config");
        if (isEligible(stats, config)) {
            return Optional.empty();
        }
        StringBuilder reason = new StringBuilder();
        if (prevClose(stats).compareTo(config.universeMinPrice()) < 0) {
            append(reason, "prevClose " + stats.prevClose() + " < " + config.universeMinPrice().toPlainString());
        }
        if (stats.avgVolume14().compareTo(config.universeMinAvgVolume()) < 0) {
            append(reason, "avgVolume14 " + plain(stats.avgVolume14()) + " < "
                    + config.universeMinAvgVolume().toPlainString());
        }
        if (stats.atr14().compareTo(config.universeMinAtr()) < 0) {
            append(reason, "atr14 " + plain(stats.atr14()) + " < " + config.universeMinAtr().toPlainString());
        }
        return Optional.of(reason.toString());
    }

    /** True when {@code stats} passes every rule of the filter. */
    public static boolean isEligible(DailyStats stats, OrbConfig config) {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(config, "config");
        return prevClose(stats).compareTo(config.universeMinPrice()) >= 0
                && stats.avgVolume14().compareTo(config.universeMinAvgVolume()) >= 0
                && stats.atr14().compareTo(config.universeMinAtr()) >= 0;
    }

    /** The filter's bounds prepared once for the many symbols of a scan: the same decisions as above. */
    static Bounds bounds(OrbConfig config) {
        Objects.requireNonNull(config, "config");
        return new Bounds(config);
    }

    /**
     * See {@link #bounds}: decides from {@link ScanInput}'s columns. {@code v ≥ b ⟺ floor(v × 10^9) ≥ b × 10^9}
     * when {@code b × 10^9} is a whole number (the column's floor saturates at {@link Long#MAX_VALUE}, which is still
     * ≥ any such bound); a bound with more decimals is compared with the decimal itself. Immutable.
     */
    static final class Bounds {
        /** {@code prevClose ≥ minPrice ⟺ prevClose.nanos() ≥ minPriceNanos} (never when {@code priceUnreachable}). */
        private final long minPriceNanos;
        private final boolean priceUnreachable;
        private final BigDecimal minAvgVolume;
        private final BigDecimal minAtr;
        private final long minAvgVolumeNanos;
        private final boolean avgVolumeByNanos;
        private final long minAtrNanos;
        private final boolean atrByNanos;

        private Bounds(OrbConfig config) {
            BigDecimal nanos = config.universeMinPrice().movePointRight(Price.SCALE).setScale(0, RoundingMode.CEILING);
            priceUnreachable = nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0;
            minPriceNanos = priceUnreachable ? Long.MAX_VALUE : nanos.longValue();
            minAvgVolume = config.universeMinAvgVolume();
            minAtr = config.universeMinAtr();
            Long avgVolumeNanos = exactNanos(minAvgVolume);
            avgVolumeByNanos = avgVolumeNanos != null;
            minAvgVolumeNanos = avgVolumeByNanos ? avgVolumeNanos : 0;
            Long atrNanos = exactNanos(minAtr);
            atrByNanos = atrNanos != null;
            minAtrNanos = atrByNanos ? atrNanos : 0;
        }

        /** {@code bound × 10^9} when it is a whole number within a long, else null. */
        private static Long exactNanos(BigDecimal bound) {
            BigDecimal nanos = bound.movePointRight(Price.SCALE);
            if (nanos.signum() != 0 && nanos.stripTrailingZeros().scale() > 0
                    || nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
                    || nanos.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
                return null;
            }
            return nanos.longValue();
        }

        /** {@link UniverseFilter#isEligible} of {@code input.stats(i)}. */
        boolean isEligible(ScanInput input, int i) {
            if (priceUnreachable || input.prevCloseNanos(i) < minPriceNanos) {
                return false;
            }
            boolean avgVolumeOk = avgVolumeByNanos
                    ? input.avgVolumeFloorNanos(i) >= minAvgVolumeNanos
                    : input.stats(i).avgVolume14().compareTo(minAvgVolume) >= 0;
            if (!avgVolumeOk) {
                return false;
            }
            return atrByNanos
                    ? input.atrFloorNanos(i) >= minAtrNanos
                    : input.stats(i).atr14().compareTo(minAtr) >= 0;
        }
    }

    /** The previous close as a decimal without {@link Price#toBigDecimal()}'s normalisation (cheaper, same value). */
    private static BigDecimal prevClose(DailyStats stats) {
        return BigDecimal.valueOf(stats.prevClose().nanos(), Price.SCALE);
    }

    private static void append(StringBuilder reason, String part) {
        if (reason.length() > 0) {
            reason.append("; ");
        }
        reason.append(part);
    }

    /** Without the trailing zeros of a fixed scale, e.g. an ATR of {@code 0.49000000000000000000} as {@code 0.49}. */
    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
