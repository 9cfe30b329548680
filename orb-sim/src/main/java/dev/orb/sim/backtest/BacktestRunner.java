package dev.orb.sim.backtest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.orb.core.metrics.PerformanceMetrics;
import dev.orb.core.metrics.PerformanceReport;
import dev.orb.core.metrics.SessionResult;
import dev.orb.core.session.SessionEngine;
import dev.orb.domain.DailyStats;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.OrbException;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradeRecord;
import dev.orb.ports.TradingCalendar;
import dev.orb.sim.fill.FillModel;
import dev.orb.sim.flatfile.FlatFileDataset;
import dev.orb.sim.flatfile.FlatFileException;
import dev.orb.sim.flatfile.SessionData;
import dev.orb.sim.flatfile.SessionReplay;

/**
 * Runs a backtest over Polygon flat files (backtest-semantics.md) through the same {@link SessionEngine} that
 * trades live: no rule is implemented twice.
 *
 * <p>The sessions of the run are the dates of the dataset that have a day-aggregates file (within the configured
 * range), in order, with closes from the calendar. They are streamed one at a time; only the look-back windows
 * stay in memory (day rows of the last {@code atr.period + 1} sessions, opening-range volumes of the last
 * {@code rvol.lookback}). The first {@link BacktestConfig#warmupSessions()} sessions fill those windows; every
 * later session d is traded with the universe from {@link dev.orb.core.strategy.DailyStatistics} and
 * {@link dev.orb.core.strategy.UniverseFilter}, a fresh session runner and a {@link SimulatedBroker} whose account
 * starts with the equity at the start of d. Equity after d = equity at the start of d + Σ net pnl of d's trades.
 *
 * <p>Deterministic: the same files and configuration give the same result. Not thread-safe; one run at a time.
 */
public final class BacktestRunner {
    private final BacktestConfig config;
    private final TradingCalendar calendar;
    private final SessionEngine engine;
    private final FillModel fills;

    /**
     * @param calendar the exchange calendar that gives each session's close (use the NYSE calendar)
     */
    public BacktestRunner(BacktestConfig config, TradingCalendar calendar) {
        this.config = Objects.requireNonNull(config, "config");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.engine = new SessionEngine(config.strategy());
        this.fills = FillModel.of(config.fills());
    }

    /**
     * Runs the backtest over {@code dataset}.
     *
     * @throws FlatFileException naming the file (and line) when a file is missing or malformed: nothing of the run
     *     is returned
     * @throws InvalidValueException when the range holds no session
     * @throws OrbException when equity is no longer positive at the start of a session
     */
    public BacktestResult run(FlatFileDataset dataset, BacktestListener listener) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(listener, "listener");
        List<LocalDate> dates = dataset.sessions(config.from() != null ? config.from() : LocalDate.MIN,
                config.to() != null ? config.to() : LocalDate.MAX);
        if (dates.isEmpty()) {
            throw new InvalidValueException(dataset.root() + ": no session with a day-aggregates file in ["
                    + (config.from() != null ? config.from() : "first") + ", "
                    + (config.to() != null ? config.to() : "last") + "]");
        }
        int warmup = Math.min(config.warmupSessions(), dates.size());
        listener.onStart(dates, warmup);
        RollingHistory history = new RollingHistory(config.strategy());
        BigDecimal equity = config.startEquity();
        List<SessionResult> sessions = new ArrayList<>();
        List<BacktestTrade> trades = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int warningCount = 0;
        long minuteRows = 0;
        long regularBars = 0;
        try (SessionReplay replay = dataset.replay(calendar, dates, config.readAhead())) {
            for (int i = 0; i < dates.size(); i++) {
                SessionData data = replay.next();
                minuteRows += data.minutes().rowCount();
                regularBars += data.minutes().barCount();
                if (i >= warmup) {
                    if (!history.isFull()) {
                        throw new OrbException("backtest: look-back windows not full at " + data.session().date());
                    }
                    if (equity.signum() <= 0) {
                        throw new OrbException("backtest: equity " + equity.toPlainString() + " at the start of "
                                + data.session().date() + " is not positive; the run cannot go on");
                    }
                    Map<Symbol, DailyStats> universe = history.universe(data.session().date());
                    SessionSimulation simulation = new SessionSimulation(engine, fills, data, equity);
                    List<BacktestTrade> today = new ArrayList<>();
                    for (TradeRecord t : simulation.run(universe, history.orVolumeHistory(universe.keySet()))) {
                        today.add(BacktestTrade.of(t, fills));
                    }
                    BigDecimal pnl = BigDecimal.ZERO;
                    for (BacktestTrade t : today) {
                        pnl = pnl.add(t.pnl());
                    }
                    sessions.add(new SessionResult(data.session().date(), equity, pnl));
                    equity = equity.add(pnl);
                    today.sort(Comparator.comparing(BacktestTrade::symbol));
                    trades.addAll(today);
                    for (String w : simulation.warnings()) {
                        warningCount++;
                        if (warnings.size() < BacktestResult.MAX_WARNINGS) {
                            warnings.add(w);
                        }
                    }
                }
                history.add(data);
                listener.onSessionDone(i + 1, dates.size(), data.session().date(), minuteRows, trades.size());
            }
        }
        List<BigDecimal> pnls = new ArrayList<>(trades.size());
        for (BacktestTrade t : trades) {
            pnls.add(t.pnl());
        }
        PerformanceReport report = PerformanceMetrics.compute(config.startEquity(), sessions, pnls);
        return new BacktestResult(config, dates, warmup, sessions, trades, report, minuteRows, regularBars, warnings,
                warningCount);
    }
}
