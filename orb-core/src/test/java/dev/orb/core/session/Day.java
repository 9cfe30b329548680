package dev.orb.core.session;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.orb.core.config.OrbConfig;
import dev.orb.core.fakes.FakeBroker;
import dev.orb.core.fakes.InMemoryStorage;
import dev.orb.core.fakes.ManualClock;
import dev.orb.core.strategy.SessionSchedule;
import dev.orb.domain.Asset;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.MarketTime;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.domain.TradingSession;

/** A trading day wired to the fakes: the engine, the runner, a fake broker, in-memory storage and a manual clock. */
final class Day {
    final TradingSession session;
    final OrbConfig config;
    final ManualClock clock;
    final FakeBroker broker;
    final InMemoryStorage storage = new InMemoryStorage();
    final List<EngineEvent> events = new ArrayList<>();
    final List<Decision> decisions = new ArrayList<>();
    final SessionRunner runner;
    private final Map<Symbol, DailyStats> universe = new TreeMap<>();
    private final Map<Symbol, List<Bar>> bars = new TreeMap<>();
    private final Map<Symbol, long[]> history = new TreeMap<>();
    private final Map<Symbol, Asset> assets = new TreeMap<>();

    Day(TradingSession session, OrbConfig config, BigDecimal equity) {
        this.session = session;
        this.config = config;
        this.clock = new ManualClock(session.openInstant().minus(Duration.ofMinutes(1)));
        this.broker = new FakeBroker(clock, equity);
        this.runner = new SessionRunner(new SessionEngine(config), broker, storage, clock, SessionJournal.NONE,
                new EngineListener() {
                    @Override
                    public void onDecision(EngineEvent event, Decision decision) {
                        events.add(event);
                        decisions.add(decision);
                    }
                });
    }

    static Day regular(LocalDate date, OrbConfig config, String equity) {
        return new Day(TradingSession.regular(date), config, new BigDecimal(equity));
    }

    /**
     * Adds a symbol whose 5-minute opening-range bar is (open, high, low, close, volume), with ATR, a 14-day
     * average volume of 2,000,000, previous close = open, and a volume history that gives RVOL = volume / base.
     */
    Day symbol(String ticker, String open, String high, String low, String close, long volume, String atr, long base) {
        Symbol s = Symbol.of(ticker);
        universe.put(s, new DailyStats(s, session.date(), new BigDecimal(atr), new BigDecimal("2000000"),
                Price.of(open)));
        bars.put(s, List.of(new Bar(s, session.openInstant(), Timeframe.ofMinutes(config.openingRangeMinutes()),
                Price.of(open), Price.of(high), Price.of(low), Price.of(close), volume)));
        long[] h = new long[config.rvolLookback()];
        java.util.Arrays.fill(h, base);
        history.put(s, h);
        broker.setPrice(s, Price.of(close));
        return this;
    }

    Day asset(Asset asset) {
        assets.put(asset.symbol(), asset);
        broker.setAsset(asset);
        return this;
    }

    void start() {
        runner.start(session);
    }

    void scan() {
        clock.set(SessionSchedule.scanTime(session, config));
        scanAtCurrentTime();
    }

    void scanAtCurrentTime() {
        runner.feed(scanEvent());
    }

    EngineEvent.ScanReady scanEvent() {
        for (Symbol s : universe.keySet()) {
            assets.putIfAbsent(s, Asset.fullyTradable(s));
        }
        return new EngineEvent.ScanReady(clock.now(), universe, bars, history, assets);
    }

    void at(LocalTime time) {
        clock.set(session.at(time));
    }

    void trade(String ticker, String price) {
        broker.trade(Symbol.of(ticker), Price.of(price));
    }

    void eod() {
        clock.set(SessionSchedule.eodTime(session, config));
        runner.feed(new EngineEvent.EodReached(clock.now()));
    }

    void accountUpdate() {
        runner.feed(new EngineEvent.AccountUpdated(clock.now(), broker.account()));
    }

    SessionState state() {
        return runner.state();
    }

    List<Command> commands() {
        return decisions.stream().flatMap(d -> d.commands().stream()).toList();
    }

    <T extends Command> List<T> commands(Class<T> type) {
        return commands().stream().filter(type::isInstance).map(type::cast).toList();
    }

    static LocalTime ny(int h, int m) {
        return LocalTime.of(h, m);
    }

    static final java.time.ZoneId NY = MarketTime.NEW_YORK;
}
