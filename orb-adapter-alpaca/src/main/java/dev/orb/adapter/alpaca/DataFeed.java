package dev.orb.adapter.alpaca;

/**
 * Alpaca's stock market-data feed.
 *
 * <p>IEX is free but carries a few percent of the consolidated volume: opening-range volumes and therefore
 * RVOL computed from IEX bars are not comparable to SIP-based RVOL or to thresholds calibrated on SIP/Polygon
 * data. SIP (the consolidated tape) needs a paid Alpaca data plan for recent data.
 */
public enum DataFeed {
    /** The IEX exchange only (free plan). */
    IEX,
    /** The consolidated tape of all US exchanges (paid plan for the last 15 minutes). */
    SIP
}
