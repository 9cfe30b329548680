/**
 * Simulation support for backtests and demos: a {@link dev.orb.sim.SimulatedClock} driven by the data and
 * {@link dev.orb.sim.BarSeries}, the read-only view of one symbol's minute bars that the flat-file reader
 * produces and the fill rules consume.
 *
 * <p>Sub-packages: {@code flatfile} reads and writes Polygon flat files one session at a time, {@code synth}
 * generates a deterministic synthetic market in that format, {@code fill} implements the fill rules of
 * backtest-semantics.md. Nothing in these packages is null unless its Javadoc says so.
 */
package dev.orb.sim;
