package dev.orb.sim.synth;

/**
 * What {@link SyntheticMarket#writeTo} wrote.
 *
 * @param sessions    sessions (one day file and one minute file each)
 * @param symbols     symbols in the market
 * @param minuteRows  rows in all minute files, extended hours included
 * @param regularBars of which in the regular session
 * @param dailyRows   rows in all day files
 */
public record GenerationSummary(int sessions, int symbols, long minuteRows, long regularBars, long dailyRows) {
}
