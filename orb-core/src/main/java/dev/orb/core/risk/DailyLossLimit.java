package dev.orb.core.risk;

import java.math.BigDecimal;
import java.util.Objects;

import dev.orb.core.config.OrbConfig;

/**
 * The daily loss limit of safety.md: when equity falls <em>more</em> than {@code risk.maxDailyLoss} (5%) below
 * start-of-day equity, the kill switch engages by itself. Exact decimal comparison; a loss of exactly 5% is not a
 * breach. Stateless and thread-safe.
 */
public final class DailyLossLimit {
    private DailyLossLimit() {
    }

    /**
     * True when {@code risk.dailyLossLimitEnabled} and {@code currentEquity < threshold(startEquity)}.
     *
     * @param startEquity   equity at the start of the session, dollars
     * @param currentEquity equity now, dollars
     */
    public static boolean isBreached(BigDecimal startEquity, BigDecimal currentEquity, OrbConfig config) {
        Objects.requireNonNull(currentEquity, "currentEquity");
        BigDecimal threshold = threshold(startEquity, config);
        return config.dailyLossLimitEnabled() && currentEquity.compareTo(threshold) < 0;
    }

    /** {@code startEquity × (1 − risk.maxDailyLoss)}, exact: the equity below which the limit is breached. */
    public static BigDecimal threshold(BigDecimal startEquity, OrbConfig config) {
        Objects.requireNonNull(startEquity, "startEquity");
        Objects.requireNonNull(config, "config");
        return startEquity.multiply(BigDecimal.ONE.subtract(config.maxDailyLoss()));
    }
}
