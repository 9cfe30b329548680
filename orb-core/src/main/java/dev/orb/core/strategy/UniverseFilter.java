package dev.orb.core.strategy;

import java.math.BigDecimal;
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
