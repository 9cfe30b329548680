package dev.orb.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The result of one session, recorded at EOD.
 *
 * @param session     session date
 * @param startEquity equity at the start of the session
 * @param endEquity   equity after the session's P&amp;L
 * @param pnl         realised P&amp;L net of commissions
 * @param trades      filled trades
 * @param wins        trades with P&amp;L &gt; 0
 * @param losses      trades with P&amp;L &lt; 0
 * @param commission  commissions paid
 */
public record DailyMetrics(LocalDate session, BigDecimal startEquity, BigDecimal endEquity, BigDecimal pnl, int trades,
                           int wins, int losses, BigDecimal commission) {
    public DailyMetrics {
        Require.nonNull(session, "DailyMetrics.session");
        Require.nonNull(startEquity, "DailyMetrics.startEquity");
        Require.nonNull(endEquity, "DailyMetrics.endEquity");
        Require.nonNull(pnl, "DailyMetrics.pnl");
        Require.nonNegative(trades, "DailyMetrics.trades");
        Require.nonNegative(wins, "DailyMetrics.wins");
        Require.nonNegative(losses, "DailyMetrics.losses");
        if (!(wins + losses <= trades)) {
            throw new InvalidValueException("DailyMetrics: wins " + wins + " + losses " + losses + " exceed trades " + trades);
        }
        Require.nonNegative(commission, "DailyMetrics.commission");
    }
}
