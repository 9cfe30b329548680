/**
 * The fill rules of backtest-semantics.md as pure functions over one-minute bars: entry on a stop trigger
 * (gaps fill at the open), the protective stop in the entry bar and in later bars, the end-of-day exit,
 * slippage in basis points rounded to the tick against the trader, and per-share commission, all in exact
 * decimals ({@link dev.orb.sim.fill.FillModel}). Nothing here is null unless its Javadoc says so.
 */
package dev.orb.sim.fill;
