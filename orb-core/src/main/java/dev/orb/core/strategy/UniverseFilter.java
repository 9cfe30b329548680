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

    /** The filter's bounds prepared once for many symbols (the scan): same decisions and texts as above. */
    static Bounds bounds(OrbConfig config) {
        Objects.requireNonNull(config, "config");
        return new Bounds(config);
    }

    /**
     * See {@link #bounds}. Keeps the last decimal bounds rescaled to the scale of the statistics compared with them
     * ({@link BigDecimal#compareTo} of different scales multiplies, with a {@code BigInteger} for an ATR at 20
     * decimals); not thread-safe, one per scan.
     */
    static final class Bounds {
        /** {@code prevClose ≥ minPrice ⟺ prevClose.nanos() ≥ minPriceNanos} (never when {@code priceUnreachable}). */
        private final long minPriceNanos;
        private final boolean priceUnreachable;
        private final BigDecimal minAvgVolume;
        private final BigDecimal minAtr;
        private final String minPriceText;
        private final String minAvgVolumeText;
        private final String minAtrText;
        private final Rescaled avgVolumeBound;
        private final Rescaled atrBound;

        private Bounds(OrbConfig config) {
            BigDecimal nanos = config.universeMinPrice().movePointRight(Price.SCALE).setScale(0, RoundingMode.CEILING);
            priceUnreachable = nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0;
            minPriceNanos = priceUnreachable ? Long.MAX_VALUE : nanos.longValue();
            minAvgVolume = config.universeMinAvgVolume();
            minAtr = config.universeMinAtr();
            minPriceText = config.universeMinPrice().toPlainString();
            minAvgVolumeText = minAvgVolume.toPlainString();
            minAtrText = minAtr.toPlainString();
            avgVolumeBound = new Rescaled(minAvgVolume);
            atrBound = new Rescaled(minAtr);
        }

        private boolean priceOk(DailyStats stats) {
            return !priceUnreachable && stats.prevClose().nanos() >= minPriceNanos;
        }

        /** {@link UniverseFilter#isEligible}. */
        boolean isEligible(DailyStats stats) {
            return priceOk(stats) && avgVolumeBound.isAtMost(stats.avgVolume14()) && atrBound.isAtMost(stats.atr14());
        }

        /**
         * {@code prefix + UniverseFilter.rejection(stats, config).orElseThrow()} of a symbol that is not eligible.
         *
         * @param scratch a builder to reuse (cleared here)
         */
        String rejection(StringBuilder scratch, String prefix, DailyStats stats) {
            StringBuilder reason = scratch;
            reason.setLength(0);
            reason.append(prefix);
            int start = reason.length();
            if (!priceOk(stats)) {
                reason.append("prevClose ");
                reason.append(stats.prevClose());
                reason.append(" < ").append(minPriceText);
            }
            if (stats.avgVolume14().compareTo(minAvgVolume) < 0) {
                separate(reason, start).append("avgVolume14 ");
                DecimalText.appendStripped(reason, stats.avgVolume14());
                reason.append(" < ").append(minAvgVolumeText);
            }
            if (stats.atr14().compareTo(minAtr) < 0) {
                separate(reason, start).append("atr14 ");
                DecimalText.appendStripped(reason, stats.atr14());
                reason.append(" < ").append(minAtrText);
            }
            return reason.toString();
        }

        /** A bound and, for the scale last asked about, the same value at that scale (when exact). */
        private static final class Rescaled {
            private final BigDecimal bound;
            private int scale;
            private BigDecimal atScale;

            Rescaled(BigDecimal bound) {
                this.bound = bound;
                scale = bound.scale();
                atScale = bound;
            }

            /** {@code value.compareTo(bound) >= 0}. */
            boolean isAtMost(BigDecimal value) {
                if (value.scale() != scale) {
                    scale = value.scale();
                    atScale = scale >= bound.scale() ? bound.setScale(scale, RoundingMode.UNNECESSARY) : bound;
                }
                return value.compareTo(atScale) >= 0;
            }
        }

        private static StringBuilder separate(StringBuilder reason, int start) {
            return reason.length() > start ? reason.append("; ") : reason;
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
