/**
 * The outputs of a backtest (backtest-semantics.md, "Outputs"): the trades CSV
 * ({@link dev.orb.sim.report.TradesCsv}), the report JSON ({@link dev.orb.sim.report.ReportJson}) and a
 * self-contained HTML report ({@link dev.orb.sim.report.HtmlReport}). Each is a pure function of a
 * {@link dev.orb.sim.backtest.BacktestResult}: the same result gives the same bytes (no timestamps, no locale).
 *
 * <p>Nothing here is null unless its Javadoc says so.
 */
package dev.orb.sim.report;
