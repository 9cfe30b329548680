package dev.orb.core.sync;

/**
 * How the opening-volume backfill of {@link NightlySync} asks the market data for minute bars: the request
 * pattern that suits the vendor behind the {@link dev.orb.ports.MarketData} port.
 */
public enum IntradayFetch {
    /**
     * One call per batch of symbols spanning every session it needs: for a vendor that answers one symbol per
     * request whatever the time span (Polygon: one request per symbol for up to 50,000 minute bars, about 50
     * sessions), so 14 sessions of history cost one request per symbol. The default.
     */
    SPAN,
    /**
     * One call per session and batch of symbols, for the opening-range window only: for a vendor that answers
     * many symbols per request but pages by bar count (Alpaca's {@code /v2/stocks/bars?symbols=…}).
     */
    WINDOWS
}
