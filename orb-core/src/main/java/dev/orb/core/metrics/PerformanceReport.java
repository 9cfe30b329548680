package dev.orb.core.metrics;

import java.math.BigDecimal;
import java.util.Objects;

import dev.orb.domain.InvalidValueException;

/**
 * The performance of a run, as backtest-semantics.md "Outputs" defines it; computed by
 * {@link PerformanceMetrics#compute}.
 *
 * <p>Statistics are doubles; a statistic that is undefined for the run is {@link Double#NaN} (see each
 * parameter), never an exception and never a made-up zero.
 *
 * @param startEquity  equity at the start of the first session, in dollars
 * @param endEquity    equity at the end of the last session, in dollars: {@code startEquity + Σ session pnl}
 * @param totalReturn  {@code endEquity / startEquity − 1}
 * @param trades       number of trades
 * @param wins         trades with {@code pnl > 0}
 * @param losses       trades with {@code pnl < 0}; a trade with {@code pnl == 0} is neither
 * @param winRate      {@code wins / trades}; NaN without trades
 * @param sharpe       annualised Sharpe ratio of the daily returns, risk-free rate 0; NaN with fewer than two
 *                     sessions or when every daily return is the same (zero standard deviation)
 * @param sortino      annualised Sortino ratio of the daily returns; NaN without sessions or without a negative
 *                     daily return
 * @param maxDrawdown  largest fall of end-of-session equity from its running peak, as a positive fraction of that
 *                     peak; 0 when equity never fell
 * @param profitFactor {@code Σ wins / |Σ losses|}; +∞ with wins and no losses, NaN with neither, 0 with losses only
 * @param avgWin       mean pnl of the wins, dollars at scale 10; null when there are no wins
 * @param avgLoss      mean pnl of the losses (negative), dollars at scale 10; null when there are no losses
 * @param sessions     number of sessions measured (the warm-up sessions excluded)
 */
public record PerformanceReport(BigDecimal startEquity, BigDecimal endEquity, double totalReturn, int trades,
        int wins, int losses, double winRate, double sharpe, double sortino, double maxDrawdown,
        double profitFactor, BigDecimal avgWin, BigDecimal avgLoss, int sessions) {

    /** Validates counts and the presence of the averages against the counts. */
    public PerformanceReport {
        Objects.requireNonNull(startEquity, "startEquity");
        Objects.requireNonNull(endEquity, "endEquity");
        if (trades < 0 || wins < 0 || losses < 0 || wins + losses > trades) {
            throw new InvalidValueException("PerformanceReport: wins " + wins + " and losses " + losses
                    + " must be non-negative and add up to at most trades " + trades);
        }
        if (sessions < 0) {
            throw new InvalidValueException("PerformanceReport.sessions: " + sessions + " must not be negative");
        }
        if ((avgWin == null) != (wins == 0)) {
            throw new InvalidValueException("PerformanceReport.avgWin: " + avgWin
                    + " must be null exactly when wins is 0 (wins " + wins + ")");
        }
        if ((avgLoss == null) != (losses == 0)) {
            throw new InvalidValueException("PerformanceReport.avgLoss: " + avgLoss
                    + " must be null exactly when losses is 0 (losses " + losses + ")");
        }
    }
}
