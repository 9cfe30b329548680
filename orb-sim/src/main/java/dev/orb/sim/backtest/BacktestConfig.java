package dev.orb.sim.backtest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import dev.orb.core.config.OrbConfig;
import dev.orb.core.config.StopAnchor;
import dev.orb.domain.InvalidValueException;
import dev.orb.sim.fill.FillConfig;

/**
 * What a backtest runs: the strategy's configuration (the same {@link OrbConfig} live trading uses), the costs of
 * simulated fills, the starting equity and the date range.
 *
 * <p>Backtests reproduce the published study, which has no pattern-day-trader rule, no minimum equity to short and
 * no daily loss limit, and holds as many positions as it selects; {@link #strategyDefaults()} sets the strategy
 * configuration accordingly (see docs/backtest.md).
 *
 * @param strategy    the strategy configuration; its stop anchor must be {@link StopAnchor#PLANNED_ENTRY}
 *                    (backtest-semantics.md fills the planned stop)
 * @param fills       slippage and commission
 * @param startEquity equity at the start of the first session, dollars, &gt; 0
 * @param from        first date of the run (inclusive), or null for the dataset's first
 * @param to          last date of the run (inclusive), or null for the dataset's last
 * @param readAhead   sessions read ahead, each on its own background thread, while one is simulated,
 *                    0..{@value #MAX_READ_AHEAD} (0: all on the caller's thread); see {@link #defaultReadAhead()}
 */
public record BacktestConfig(OrbConfig strategy, FillConfig fills, BigDecimal startEquity, LocalDate from,
                             LocalDate to, int readAhead) {
    /** The published study's starting equity in the CLI: $25,000. */
    public static final BigDecimal DEFAULT_START_EQUITY = new BigDecimal("25000");
    /**
     * Most sessions read ahead at once. Each one in flight holds its regular-session minute bars in columns (about
     * 60 bytes a bar: 5 MB for 200 symbols, 120 MB for a whole-market day of ~2 million bars), so this bounds memory.
     */
    public static final int MAX_READ_AHEAD = 4;

    public BacktestConfig {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(fills, "fills");
        Objects.requireNonNull(startEquity, "startEquity");
        if (startEquity.signum() <= 0) {
            throw new InvalidValueException("BacktestConfig.startEquity: " + startEquity.toPlainString()
                    + " must be positive");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidValueException("BacktestConfig.from: " + from + " is after to " + to);
        }
        if (readAhead < 0 || readAhead > MAX_READ_AHEAD) {
            throw new InvalidValueException("BacktestConfig.readAhead: " + readAhead + " must be in 0.."
                    + MAX_READ_AHEAD);
        }
        if (strategy.stopAnchor() != StopAnchor.PLANNED_ENTRY) {
            throw new InvalidValueException("BacktestConfig.strategy: stop.anchor " + strategy.stopAnchor()
                    + " is not supported by the backtest; backtest-semantics.md fills the planned stop (PLANNED_ENTRY)");
        }
    }

    /** The whole dataset with the study's settings, $25,000, no slippage and $0.0035 per share per side. */
    public static BacktestConfig defaults() {
        return new BacktestConfig(strategyDefaults().build(), FillConfig.defaults(), DEFAULT_START_EQUITY, null, null,
                defaultReadAhead());
    }

    /**
     * Sessions read ahead by default: one more than the cores the JVM may use, at most {@link #MAX_READ_AHEAD}.
     * Reading (gunzip and parse, ~80 % of a backtest's CPU) cannot be split within a file, so the files of
     * consecutive sessions are read in parallel; the extra reader keeps every core busy while the caller waits for
     * the oldest session. Measured on 2 cores: 1 → 4.4 M, 2 → 5.1 M, 3 → 6.3 M minute rows/s (docs/performance.md).
     */
    public static int defaultReadAhead() {
        return Math.min(MAX_READ_AHEAD, Runtime.getRuntime().availableProcessors() + 1);
    }

    /**
     * {@link OrbConfig#builder()} with the backtest's departures from the live defaults: max positions = top N
     * ({@value OrbConfig#DEFAULT_SCAN_TOP_N}; set it again when changing {@code scan.topN}), the daily loss limit
     * off, the pattern-day-trader equity threshold and the minimum equity to short both 0.
     */
    public static OrbConfig.Builder strategyDefaults() {
        return OrbConfig.builder()
                .maxPositions(OrbConfig.DEFAULT_SCAN_TOP_N)
                .dailyLossLimitEnabled(false)
                .pdtEquityThreshold(BigDecimal.ZERO)
                .minEquityToShort(BigDecimal.ZERO);
    }

    /**
     * Sessions at the start of a run that only fill the look-back windows and cannot trade: the daily statistics
     * need {@code atr.period + 1} previous sessions, RVOL {@code rvol.lookback}; 15 with the defaults.
     */
    public int warmupSessions() {
        return Math.max(strategy.atrPeriod() + 1, strategy.rvolLookback());
    }
}
