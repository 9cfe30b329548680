package dev.orb.sim.fill;

import java.math.BigDecimal;
import java.util.Objects;

import dev.orb.domain.InvalidValueException;

/**
 * The cost knobs of simulated fills (backtest-semantics.md, "Fills").
 *
 * @param slippageBps        basis points every fill moves against the trader, in {@code [0, 10000)};
 *                           {@link #DEFAULT_SLIPPAGE_BPS} = 0 ({@code --slippage-bps})
 * @param commissionPerShare dollars per share per side, ≥ 0; {@link #DEFAULT_COMMISSION_PER_SHARE} = 0.0035
 *                           ({@code --commission-per-share})
 */
public record FillConfig(BigDecimal slippageBps, BigDecimal commissionPerShare) {
    /** No slippage, as in the published study. */
    public static final BigDecimal DEFAULT_SLIPPAGE_BPS = BigDecimal.ZERO;
    /** $0.0035 per share per side. */
    public static final BigDecimal DEFAULT_COMMISSION_PER_SHARE = new BigDecimal("0.0035");
    private static final BigDecimal MAX_BPS = new BigDecimal("10000");

    public FillConfig {
        Objects.requireNonNull(slippageBps, "slippageBps");
        Objects.requireNonNull(commissionPerShare, "commissionPerShare");
        if (slippageBps.signum() < 0 || slippageBps.compareTo(MAX_BPS) >= 0) {
            throw new InvalidValueException("FillConfig.slippageBps: " + slippageBps.toPlainString()
                    + " must be in [0, 10000)");
        }
        if (commissionPerShare.signum() < 0) {
            throw new InvalidValueException("FillConfig.commissionPerShare: " + commissionPerShare.toPlainString()
                    + " must not be negative");
        }
    }

    /** No slippage and $0.0035 per share per side. */
    public static FillConfig defaults() {
        return new FillConfig(DEFAULT_SLIPPAGE_BPS, DEFAULT_COMMISSION_PER_SHARE);
    }

    /** This config with another slippage. */
    public FillConfig withSlippageBps(BigDecimal bps) {
        return new FillConfig(bps, commissionPerShare);
    }

    /** This config with another commission rate. */
    public FillConfig withCommissionPerShare(BigDecimal rate) {
        return new FillConfig(slippageBps, rate);
    }
}
