package dev.orb.sim.backtest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import dev.orb.core.metrics.PerformanceReport;
import dev.orb.core.metrics.SessionResult;
import dev.orb.domain.InvalidValueException;

/**
 * The outcome of a backtest.
 *
 * @param config         what was run
 * @param runSessions    every session of the run, warm-up included, in order
 * @param warmupSessions how many of them only filled the look-back windows (the first ones)
 * @param sessions       one result per session after the warm-up, in order, chained by equity
 * @param trades         every closed trade, sorted by date then symbol
 * @param report         the performance statistics of backtest-semantics.md
 * @param minuteRows     minute-file rows read, pre- and post-market included
 * @param regularBars    of which regular-session bars
 * @param warnings       what a person should look at: engine alerts (warning or critical) and entries a pre-trade
 *                       check refused, each prefixed with its session date; at most {@value #MAX_WARNINGS}
 * @param warningCount   how many warnings there were in all
 */
public record BacktestResult(BacktestConfig config, List<LocalDate> runSessions, int warmupSessions,
                             List<SessionResult> sessions, List<BacktestTrade> trades, PerformanceReport report,
                             long minuteRows, long regularBars, List<String> warnings, int warningCount) {
    /** Warnings kept in a result; more are only counted. */
    public static final int MAX_WARNINGS = 1000;

    public BacktestResult {
        Objects.requireNonNull(config, "config");
        runSessions = List.copyOf(runSessions);
        sessions = List.copyOf(sessions);
        trades = List.copyOf(trades);
        Objects.requireNonNull(report, "report");
        warnings = List.copyOf(warnings);
        if (warmupSessions + sessions.size() != runSessions.size()) {
            throw new InvalidValueException("BacktestResult: " + warmupSessions + " warm-up + " + sessions.size()
                    + " sessions != " + runSessions.size() + " sessions in the run");
        }
    }

    /** Equity at the start of the run, dollars. */
    public BigDecimal startEquity() {
        return report.startEquity();
    }

    /** Equity at the end of the run: start equity + Σ trade pnl, exact. */
    public BigDecimal endEquity() {
        return report.endEquity();
    }
}
