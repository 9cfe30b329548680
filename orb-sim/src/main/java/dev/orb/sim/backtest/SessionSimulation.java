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
import dev.orb.core.strategy.ScanInput;
import dev.orb.core.strategy.SessionSchedule;
import dev.orb.domain.Asset;
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
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

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
            runner.feed(new EngineEvent.ScanReady(scan, scanInput(universe, orVolumeHistory, config), assets(universe,
                    broker)));
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
     * The scan's input straight from the session's columns (no {@code Bar} objects): per universe
     * symbol its statistics, history and the one-minute bars that start in the opening-range window.
     */
    private ScanInput scanInput(Map<Symbol, DailyStats> universe, Map<Symbol, long[]> orVolumeHistory,
                                OrbConfig config) {
        TradingSession session = data.session();
        long open = EpochNanos.of(session.openInstant());
        long end = EpochNanos.of(session.openInstant().plusSeconds(60L * config.openingRangeMinutes()));
        SessionMinutes minutes = data.minutes();
        ScanInput.Builder input = ScanInput.builder(universe.size());
        for (Map.Entry<Symbol, DailyStats> e : universe.entrySet()) {
            input.symbol(e.getValue(), orVolumeHistory.get(e.getKey()));
            MinuteSeries series = minutes.series(e.getKey()).orElse(null);
            if (series == null) {
                continue;
            }
            for (int i = series.indexAtOrAfter(open), last = series.indexAtOrAfter(end); i < last; i++) {
                long start = series.startNanos(i);
                input.bar(Math.floorDiv(start, NANOS_PER_SECOND), (int) Math.floorMod(start, NANOS_PER_SECOND), 1,
                        series.openNanos(i), series.highNanos(i), series.lowNanos(i), series.closeNanos(i),
                        series.volume(i));
            }
        }
        return input.build();
    }

    private static Map<Symbol, Asset> assets(Map<Symbol, DailyStats> universe, SimulatedBroker broker) {
        Map<Symbol, Asset> assets = new TreeMap<>();
        for (Symbol symbol : universe.keySet()) {
            assets.put(symbol, broker.asset(symbol));
        }
        return assets;
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
