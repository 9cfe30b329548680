/**
 * Pre-trade checks and limits of safety.md: the checks every entry order passes before it may leave the process
 * ({@link dev.orb.core.risk.PreTradeChecks}), returning a {@link dev.orb.core.risk.RiskDecision} value rather than
 * throwing, and the daily loss limit ({@link dev.orb.core.risk.DailyLossLimit}).
 *
 * <p>Pure functions of a snapshot ({@link dev.orb.core.risk.RiskContext}): no I/O, no clock, thread-safe. Arguments
 * and results are never null unless a Javadoc says so.
 */
package dev.orb.core.risk;
