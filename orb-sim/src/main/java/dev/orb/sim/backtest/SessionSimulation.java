package dev.orb.sim.backtest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.orb.core.config.OrbConfig;
import dev.orb.core.session.Command;
import dev.orb.core.session.EngineEvent;
import dev.orb.core.session.EngineListener;
import dev.orb.core.session.Phase;
import dev.orb.core.session.SessionEngine;
import dev.orb.core.session.SessionJournal;
import dev.orb.core.session.SessionRunner;
import dev.orb.core.session.SessionState;
import dev.orb.core.strategy.SessionSchedule;
import dev.orb.domain.Asset;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.OrbException;
import dev.orb.domain.SignalRecord;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradeRecord;
import dev.orb.domain.TradingSession;
import dev.orb.sim.EpochNanos;
import dev.orb.sim.SimulatedClock;
import dev.orb.sim.fill.FillModel;
import dev.orb.sim.flatfile.MinuteSeries;
import dev.orb.sim.flatfile.SessionData;
import dev.orb.sim.flatfile.SessionMinutes;

/**
 * One backtest session driven through the live session engine: a fresh {@link SessionRunner} over a
 * {@link SimulatedBroker}, opened at 09:30, scanned at the end of the opening range, fed the minute bars of the
 * symbols with working orders or positions up to eod, then told {@link EngineEvent.EodReached}. Every decision
 * (what to trade, how many shares, when to cancel and close) is the engine's.
 *
 * <p>Not thread-safe; one instance per session.
 */
final class SessionSimulation {
    /** The engine's reason code when {@code risk.maxPositions} cuts the ranked list. */
    private static final String MAX_POSITIONS = "MAX_POSITIONS";

    private final SessionEngine engine;
    private final FillModel fills;
    private final SessionData data;
    private final BigDecimal startEquity;
    private final List<String> warnings = new ArrayList<>();

    SessionSimulation(SessionEngine engine, FillModel fills, SessionData data, BigDecimal startEquity) {
        this.engine = engine;
        this.fills = fills;
        this.data = data;
        this.startEquity = startEquity;
    }

    /** Warnings of the session: engine alerts (warning, critical) and refused entries, prefixed with the date. */
    List<String> warnings() {
        return warnings;
    }

    /**
     * Runs the session with its universe and RVOL history.
     *
     * @return the engine's closed trades, in closing order
     * @throws OrbException if the engine did not end the day flat (a broken invariant, never expected)
     */
    List<TradeRecord> run(Map<Symbol, DailyStats> universe, Map<Symbol, long[]> orVolumeHistory) {
        OrbConfig config = engine.config();
        TradingSession session = data.session();
        SimulatedClock clock = SimulatedClock.startingAt(session.openInstant());
        SimulatedBroker broker = new SimulatedBroker(clock, fills, session.date(), startEquity, config.maxLeverage());
        SessionStorage storage = new SessionStorage();
        Instant scan = SessionSchedule.scanTime(session, config);
        Instant eod = SessionSchedule.eodTime(session, config);
        try (SessionRunner runner = new SessionRunner(engine, broker, storage, clock, SessionJournal.NONE,
                new Alerts())) {
            runner.start(session);
            clock.advanceTo(scan);
            Map<Symbol, List<Bar>> bars = new TreeMap<>();
            Map<Symbol, Asset> assets = new TreeMap<>();
            SessionMinutes minutes = data.minutes();
            for (Symbol symbol : universe.keySet()) {
                minutes.series(symbol).ifPresent(s -> bars.put(symbol, RollingHistory.openingWindow(s, session, config)));
                assets.put(symbol, broker.asset(symbol));
            }
            runner.feed(new EngineEvent.ScanReady(scan, universe, bars, orVolumeHistory, assets));
            replayMinutes(runner, broker, clock, scan, eod, config.dailyLossLimitEnabled());
            clock.advanceTo(eod);
            runner.feed(new EngineEvent.EodReached(eod));
            SessionState state = runner.state();
            if (state.phase() != Phase.CLOSED) {
                throw new OrbException("backtest: the session engine did not end " + session.date() + " flat (phase "
                        + state.phase() + ", " + state.openPositions() + " open positions, " + state.workingEntries()
                        + " working entries)");
            }
            for (SignalRecord s : storage.rejectedSignals()) {
                // the max-positions cut of the ranked list is the configured behaviour, not something to look at
                if (!s.reason().startsWith(MAX_POSITIONS)) {
                    warnings.add(session.date() + ": entry " + s.symbol() + " refused by a pre-trade check: "
                            + s.reason());
                }
            }
            return state.closedTrades();
        }
    }

    /**
     * Feeds the bars that start in {@code [scan, eod)} of the symbols the broker has working orders or positions in,
     * minute by minute in time order (symbols in ascending order within a minute); with the daily loss limit on,
     * the engine sees the marked-to-market account after each minute.
     */
    private void replayMinutes(SessionRunner runner, SimulatedBroker broker, SimulatedClock clock, Instant scan,
                               Instant eod, boolean markToMarket) {
        SessionMinutes minutes = data.minutes();
        long eodNanos = EpochNanos.of(eod);
        long fromNanos = EpochNanos.of(scan);
        Map<Symbol, int[]> cursors = new HashMap<>();
        while (true) {
            List<Symbol> active = broker.activeSymbols();
            long next = Long.MAX_VALUE;
            for (Symbol symbol : active) {
                MinuteSeries series = minutes.series(symbol).orElse(null);
                if (series == null) {
                    continue;
                }
                int[] cursor = cursors.computeIfAbsent(symbol, s -> new int[] {series.indexAtOrAfter(
                        Math.max(fromNanos, EpochNanos.of(clock.now())))});
                if (cursor[0] < series.size()) {
                    long start = series.startNanos(cursor[0]);
                    if (start < eodNanos && start < next) {
                        next = start;
                    }
                }
            }
            if (next == Long.MAX_VALUE) {
                return;
            }
            clock.advanceTo(EpochNanos.toInstant(next));
            for (Symbol symbol : active) {
                int[] cursor = cursors.get(symbol);
                if (cursor == null) {
                    continue;
                }
                MinuteSeries series = minutes.series(symbol).orElseThrow();
                if (cursor[0] < series.size() && series.startNanos(cursor[0]) == next) {
                    broker.onBar(series.bar(cursor[0]));
                    cursor[0]++;
                }
            }
            if (markToMarket) {
                runner.feed(new EngineEvent.AccountUpdated(clock.now(), broker.account()));
            }
        }
    }

    /** Keeps the engine's warnings and critical alerts. */
    private final class Alerts implements EngineListener {
        @Override
        public void onAlert(Command.Alert alert) {
            if (alert.severity() != Command.Severity.INFO) {
                warnings.add(data.session().date() + ": " + alert.severity() + ": " + alert.message());
            }
        }
    }
}
