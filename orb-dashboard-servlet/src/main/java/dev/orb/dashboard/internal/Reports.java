package dev.orb.dashboard.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.orb.core.metrics.PerformanceMetrics;
import dev.orb.core.metrics.PerformanceReport;
import dev.orb.core.metrics.SessionResult;
import dev.orb.domain.DailyMetrics;
import dev.orb.domain.TradeRecord;

/**
 * The statistics pages show, always computed by {@link PerformanceMetrics} (never re-implemented here).
 */
public final class Reports {
    private Reports() {
    }

    /**
     * The performance over stored sessions: the first session's start equity is the run's start, and each
     * session's return is its P&amp;L over the equity the run stood at (sessions chained as in a backtest, so that
     * deposits or gaps between stored days do not break the chain). Empty without sessions or when the start
     * equity is not positive.
     *
     * @param metrics the sessions, oldest first
     * @param trades  the trades of those sessions; only closed ones count
     */
    public static Optional<PerformanceReport> range(List<DailyMetrics> metrics, List<TradeRecord> trades) {
        if (metrics.isEmpty() || metrics.get(0).startEquity().signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal start = metrics.get(0).startEquity();
        BigDecimal running = start;
        List<SessionResult> sessions = new ArrayList<>(metrics.size());
        for (DailyMetrics m : metrics) {
            if (running.signum() <= 0) {
                break;
            }
            sessions.add(new SessionResult(m.session(), running, m.pnl()));
            running = running.add(m.pnl());
        }
        return Optional.of(PerformanceMetrics.compute(start, sessions, closedPnls(trades)));
    }

    /**
     * Today's figures: one session that started at {@code startEquity} with the closed trades' P&amp;L. Empty when
     * the start equity is not positive.
     */
    public static Optional<PerformanceReport> today(LocalDate today, BigDecimal startEquity, List<TradeRecord> trades) {
        if (startEquity == null || startEquity.signum() <= 0) {
            return Optional.empty();
        }
        List<BigDecimal> pnls = closedPnls(trades);
        BigDecimal sum = pnls.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(PerformanceMetrics.compute(startEquity,
                List.of(new SessionResult(today, startEquity, sum)), pnls));
    }

    private static List<BigDecimal> closedPnls(List<TradeRecord> trades) {
        return trades.stream().filter(TradeRecord::isClosed).map(TradeRecord::pnl).toList();
    }
}
