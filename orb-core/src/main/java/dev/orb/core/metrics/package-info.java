/**
 * Performance metrics of a run as backtest-semantics.md "Outputs" defines them:
 * {@link dev.orb.core.metrics.PerformanceMetrics} turns the per-session results
 * ({@link dev.orb.core.metrics.SessionResult}) and the trades' net P&amp;L into a
 * {@link dev.orb.core.metrics.PerformanceReport}.
 *
 * <p>Money is exact {@link java.math.BigDecimal}; statistics are doubles, with documented NaN/infinity values
 * where a statistic is undefined. Nothing here accepts null; only the averages of a report may be null (no wins,
 * no losses). Every type is immutable or stateless and safe for concurrent use.
 */
package dev.orb.core.metrics;
