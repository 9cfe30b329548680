package dev.orb.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The nightly statistics of one symbol for one trading day (strategy.md §1), computed from the daily bars of
 * the sessions <em>before</em> {@code session}.
 *
 * @param symbol      the ticker
 * @param session     the trading day these statistics are for
 * @param atr14       average true range over the 14 previous sessions, exact decimal (&gt; 0 not required:
 *                    a flat symbol has ATR 0 and simply fails the universe filter)
 * @param avgVolume14 mean daily volume over the 14 previous sessions, in shares
 * @param prevClose   close of the previous session
 */
public record DailyStats(Symbol symbol, LocalDate session, BigDecimal atr14, BigDecimal avgVolume14, Price prevClose) {
    public DailyStats {
        Require.nonNull(symbol, "DailyStats.symbol");
        Require.nonNull(session, "DailyStats.session");
        Require.nonNegative(atr14, "DailyStats.atr14");
        Require.nonNegative(avgVolume14, "DailyStats.avgVolume14");
        Require.nonNull(prevClose, "DailyStats.prevClose");
    }
}
