package dev.orb.dashboard;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.orb.adapter.jdbc.JdbcConfig;
import dev.orb.adapter.jdbc.JdbcStorage;
import dev.orb.core.config.OrbConfig;
import dev.orb.core.fakes.FakeBroker;
import dev.orb.core.fakes.InMemoryAuditQueries;
import dev.orb.core.fakes.InMemoryStorage;
import dev.orb.core.fakes.ManualClock;
import dev.orb.core.journal.StoredJournal;
import dev.orb.core.session.EngineEvent;
import dev.orb.core.session.EngineListener;
import dev.orb.core.session.SessionEngine;
import dev.orb.core.session.SessionRunner;
import dev.orb.core.strategy.SessionSchedule;
import dev.orb.domain.Asset;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.LogRecord;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.domain.TradingSession;
import dev.orb.ports.Storage;
import dev.orb.ports.query.AuditQueries;
import dev.orb.ports.query.StorageMaintenance;

/**
 * Real trading through orb-core: two whole past sessions and today's, each run by a {@link SessionRunner} against a
 * {@link FakeBroker}, stored in a {@link JdbcStorage} on H2 (or in the in-memory fakes). Today stops at 10:15 New
 * York with two open positions (AAA long from 50.55, BBB short from 19.45) and CCC's entry still working; the
 * dashboard's {@link LiveFeed} listens to today's runner.
 *
 * <p>Past day 1 (2024-03-12) is the day of orb-core's engine test: AAA stopped out for −118.80, BBB closed at EOD
 * for +153.75, the day +34.95.
 */
final class TradingFixture implements AutoCloseable {
    static final LocalDate DAY1 = LocalDate.of(2024, 3, 12);
    static final LocalDate DAY2 = LocalDate.of(2024, 3, 13);
    static final LocalDate TODAY = LocalDate.of(2024, 3, 14);
    static final Symbol AAA = Symbol.of("AAA");
    static final Symbol BBB = Symbol.of("BBB");
    static final Symbol CCC = Symbol.of("CCC");

    final Storage storage;
    final AuditQueries audit;
    final StorageMaintenance maintenance;
    final ManualClock clock;
    final FakeBroker broker;
    final FlakyBroker dashboardBroker;
    final LiveFeed feed;
    final SessionRunner runner;
    private final AutoCloseable closer;

    private TradingFixture(Storage storage, AuditQueries audit, StorageMaintenance maintenance, AutoCloseable closer) {
        this.storage = storage;
        this.audit = audit;
        this.maintenance = maintenance;
        this.closer = closer;
        OrbConfig config = OrbConfig.defaults();
        // one broker account and one clock across the three days, as in production
        clock = new ManualClock(TradingSession.regular(DAY1).openInstant().minus(Duration.ofMinutes(1)));
        broker = new FakeBroker(clock, new BigDecimal("100000"));
        pastDay(config, DAY1, "50.55", "19.45", "50.25", "19.30");
        pastDay(config, DAY2, "50.55", "19.45", "51.20", "19.62");

        TradingSession session = TradingSession.regular(TODAY);
        clock.set(session.openInstant().minus(Duration.ofMinutes(1)));
        dashboardBroker = new FlakyBroker(broker);
        feed = new LiveFeed(clock);
        runner = new SessionRunner(new SessionEngine(config), broker, storage, clock, new StoredJournal(storage, clock),
                feed);
        Scan scan = scan(config, session, broker);
        scan.symbol("CCC", "30.00", "30.30", "29.90", "30.25", 200_000, "1.50", 100_000);
        runner.start(session);
        clock.set(SessionSchedule.scanTime(session, config));
        runner.feed(scan.event(clock.now()));
        clock.set(session.at(LocalTime.of(9, 41)));
        broker.trade(AAA, Price.of("50.55"));
        broker.trade(BBB, Price.of("19.45"));
        clock.set(session.at(LocalTime.of(10, 15)));
        broker.trade(AAA, Price.of("50.80"));
        broker.trade(BBB, Price.of("19.40"));
        runner.feed(new EngineEvent.AccountUpdated(clock.now(), broker.account()));
        logs();
    }

    /** On H2 through the JDBC adapter, in {@code dir}. */
    static TradingFixture onH2(Path dir) {
        JdbcStorage jdbc = JdbcStorage.create(JdbcConfig.h2File(dir));
        return new TradingFixture(jdbc, jdbc, jdbc, jdbc);
    }

    /** On orb-core's in-memory fakes. */
    static TradingFixture inMemory() {
        InMemoryStorage memory = new InMemoryStorage();
        InMemoryAuditQueries queries = new InMemoryAuditQueries(memory);
        return new TradingFixture(memory, queries, queries, () -> { });
    }

    /** A whole session of AAA and BBB: entries fill, the prices move, EOD closes the rest. */
    private void pastDay(OrbConfig config, LocalDate date, String aaaFill, String bbbFill, String aaaLater,
                         String bbbLater) {
        TradingSession session = TradingSession.regular(date);
        ManualClock c = clock;
        FakeBroker b = broker;
        c.set(session.openInstant().minus(Duration.ofMinutes(1)));
        SessionRunner r = new SessionRunner(new SessionEngine(config), b, storage, c, new StoredJournal(storage, c),
                EngineListener.NONE);
        Scan scan = scan(config, session, b);
        r.start(session);
        c.set(SessionSchedule.scanTime(session, config));
        r.feed(scan.event(c.now()));
        c.set(session.at(LocalTime.of(9, 41)));
        b.trade(AAA, Price.of(aaaFill));
        b.trade(BBB, Price.of(bbbFill));
        c.set(session.at(LocalTime.of(10, 2)));
        b.trade(AAA, Price.of(aaaLater));
        b.trade(BBB, Price.of(bbbLater));
        c.set(SessionSchedule.eodTime(session, config));
        r.feed(new EngineEvent.EodReached(c.now()));
        r.close();
    }

    private static Scan scan(OrbConfig config, TradingSession session, FakeBroker b) {
        Scan s = new Scan(config, session, b);
        s.symbol("AAA", "50.00", "50.50", "49.80", "50.40", 300_000, "2.00", 100_000);
        s.symbol("BBB", "20.00", "20.10", "19.50", "19.60", 500_000, "1.00", 100_000);
        return s;
    }

    private void logs() {
        Instant t = clock.now();
        storage.appendLogs(List.of(
                new LogRecord(t.minusSeconds(50), "INFO", "dev.orb.core.session.SessionRunner", "session opened", "main"),
                new LogRecord(t.minusSeconds(40), "DEBUG", "dev.orb.adapter.alpaca.Stream", "heartbeat", "ws"),
                new LogRecord(t.minusSeconds(30), "WARN", "dev.orb.core.session.SessionRunner",
                        "order-update stream lost: timeout", "main"),
                new LogRecord(t.minusSeconds(20), "ERROR", "dev.orb.adapter.alpaca.AlpacaBroker",
                        "submit failed: 503 Service Unavailable", "http"),
                new LogRecord(t.minusSeconds(10), "INFO", "dev.orb.core.strategy.Scanner", "scan ranked 3 candidates",
                        "main")));
    }

    @Override
    public void close() throws Exception {
        runner.close();
        closer.close();
    }

    /** The scan inputs of a day, as orb-core's engine tests build them. */
    private static final class Scan {
        private final OrbConfig config;
        private final TradingSession session;
        private final FakeBroker broker;
        private final Map<Symbol, DailyStats> universe = new TreeMap<>();
        private final Map<Symbol, List<Bar>> bars = new TreeMap<>();
        private final Map<Symbol, long[]> history = new TreeMap<>();
        private final Map<Symbol, Asset> assets = new TreeMap<>();

        Scan(OrbConfig config, TradingSession session, FakeBroker broker) {
            this.config = config;
            this.session = session;
            this.broker = broker;
        }

        void symbol(String ticker, String open, String high, String low, String close, long volume, String atr,
                    long base) {
            Symbol s = Symbol.of(ticker);
            universe.put(s, new DailyStats(s, session.date(), new BigDecimal(atr), new BigDecimal("2000000"),
                    Price.of(open)));
            bars.put(s, new ArrayList<>(List.of(new Bar(s, session.openInstant(),
                    Timeframe.ofMinutes(config.openingRangeMinutes()), Price.of(open), Price.of(high), Price.of(low),
                    Price.of(close), volume))));
            long[] h = new long[config.rvolLookback()];
            Arrays.fill(h, base);
            history.put(s, h);
            assets.put(s, Asset.fullyTradable(s));
            broker.setPrice(s, Price.of(close));
        }

        EngineEvent.ScanReady event(Instant at) {
            return new EngineEvent.ScanReady(at, universe, bars, history, assets);
        }
    }
}
