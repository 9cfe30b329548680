/**
 * Backtests over Polygon flat files through the live session engine (backtest-semantics.md):
 * {@link dev.orb.sim.backtest.BacktestRunner} streams the sessions of a run and keeps only the look-back
 * windows; each session is a fresh {@link dev.orb.core.session.SessionRunner} over a
 * {@link dev.orb.sim.backtest.SimulatedBroker}, which fills the engine's orders on minute bars with
 * {@link dev.orb.sim.fill.FillModel}. Nothing in this package decides what to trade: the scan, sizing, pre-trade
 * checks, cancels and end-of-day closes are the engine's (an ArchUnit test keeps it so).
 *
 * <p>Nothing here is null unless its Javadoc says so.
 */
package dev.orb.sim.backtest;
