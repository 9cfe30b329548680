package dev.orb.core.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import dev.orb.domain.InvalidValueException;

/**
 * The outcome of one trading session for performance metrics.
 *
 * @param session     the session date
 * @param startEquity account equity at the start of the session, in dollars; positive
 * @param pnl         net profit and loss of every trade closed in the session, in dollars (after commission);
 *                    zero on a day without trades
 */
public record SessionResult(LocalDate session, BigDecimal startEquity, BigDecimal pnl) {
    /** Validates the fields; a start equity that is not positive raises {@link InvalidValueException}. */
    public SessionResult {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(startEquity, "startEquity");
        Objects.requireNonNull(pnl, "pnl");
        if (startEquity.signum() <= 0) {
            throw new InvalidValueException("SessionResult.startEquity: " + startEquity.toPlainString()
                    + " must be positive (session " + session + ")");
        }
    }

    /** Equity at the end of the session: {@code startEquity + pnl}, exact. */
    public BigDecimal endEquity() {
        return startEquity.add(pnl);
    }

    /** The session's return {@code pnl / startEquity}, as a double (statistics only). */
    double dailyReturn() {
        return pnl.divide(startEquity, PerformanceMetrics.RATIO).doubleValue();
    }
}
