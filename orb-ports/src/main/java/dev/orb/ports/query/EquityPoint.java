package dev.orb.ports.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.orb.domain.DailyMetrics;

/**
 * One point of the equity curve: a session's closing equity with the running totals a chart needs. All
 * amounts are exact US dollars.
 *
 * @param session       the session date
 * @param equity        equity at the end of the session
 * @param pnl           the session's realised P&amp;L net of commissions
 * @param cumulativePnl the sum of {@code pnl} from the first point of the curve through this one
 * @param drawdown      {@code equity} minus the highest {@code equity} of the curve so far, ≤ 0
 */
public record EquityPoint(LocalDate session, BigDecimal equity, BigDecimal pnl, BigDecimal cumulativePnl,
                          BigDecimal drawdown) {
    public EquityPoint {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(pnl, "pnl");
        Objects.requireNonNull(cumulativePnl, "cumulativePnl");
        Objects.requireNonNull(drawdown, "drawdown");
    }

    /** The curve of {@code metrics}, which must be oldest first; one point per session, in the same order. */
    public static List<EquityPoint> curve(List<DailyMetrics> metrics) {
        List<EquityPoint> out = new ArrayList<>(metrics.size());
        BigDecimal cumulative = BigDecimal.ZERO;
        BigDecimal peak = null;
        for (DailyMetrics m : metrics) {
            cumulative = cumulative.add(m.pnl());
            peak = peak == null || m.endEquity().compareTo(peak) > 0 ? m.endEquity() : peak;
            out.add(new EquityPoint(m.session(), m.endEquity(), m.pnl(), cumulative, m.endEquity().subtract(peak)));
        }
        return List.copyOf(out);
    }
}
