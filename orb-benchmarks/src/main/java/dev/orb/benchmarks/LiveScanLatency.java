package dev.orb.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.orb.adapter.jdbc.JdbcConfig;
import dev.orb.adapter.jdbc.JdbcStorage;
import dev.orb.core.calendar.NyseCalendar;
import dev.orb.core.config.OrbConfig;
import dev.orb.core.fakes.FakeBroker;
import dev.orb.core.fakes.InMemoryMarketData;
import dev.orb.core.fakes.ManualClock;
import dev.orb.core.journal.StoredJournal;
import dev.orb.core.live.AssetSource;
import dev.orb.core.live.DayPlan;
import dev.orb.core.live.LiveConfig;
import dev.orb.core.live.ScanOutcome;
import dev.orb.core.live.TradingDay;
import dev.orb.core.session.EngineEvent;
import dev.orb.core.session.SessionJournal;
import dev.orb.domain.Asset;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;
import dev.orb.ports.Broker;
import dev.orb.ports.Storage;

/**
 * The 09:35 path of a live day over {@link ScanBenchmark}'s 10,000-symbol input, once, in a fresh JVM (it runs once
 * a day): a {@link TradingDay} on the JDBC storage and journal, the in-memory market data and a {@link FakeBroker}
 * is started at 09:20 (which rehearses the scan {@code live.scanRehearsals} times), then asked to scan at 09:35:20:
 * it reads the stored universe and volume history, fetches the opening-range bars, builds the scan event and feeds
 * it. Prints when, counted from the {@code scan()} call, the event was journaled, the first and last entry orders
 * reached the broker and the opening-range records were stored. Not a JMH benchmark: the point is the first run.
 *
 * <p>{@code java -cp orb-benchmarks/target/benchmarks.jar dev.orb.benchmarks.LiveScanLatency [REHEARSALS [JDBC_URL
 * USER]]}: 5 rehearsals (the default) unless given; H2 in a temporary directory unless a PostgreSQL URL is given,
 * whose tables then go to a schema of their own, dropped at the end.
 */
public final class LiveScanLatency {
    private LiveScanLatency() {
    }

    public static void main(String[] args) throws Exception {
        int rehearsals = args.length > 0 ? Integer.parseInt(args[0]) : LiveConfig.DEFAULT_SCAN_REHEARSALS;
        boolean postgres = args.length >= 3;
        ScanBenchmark input = new ScanBenchmark();
        input.symbols = 10_000;
        input.setUp();
        TradingSession session = input.session();
        OrbConfig config = OrbConfig.defaults();
        String schema = "orb_latency_" + ProcessHandle.current().pid();
        Path h2 = postgres ? null : Files.createTempDirectory("orb-latency");
        JdbcConfig jdbc = postgres ? JdbcConfig.postgres(args[1], args[2], "").withSchema(schema)
                : JdbcConfig.h2File(h2);
        long[] firstOrder = {0};
        long[] lastOrder = {0};
        long[] saveStart = {0};
        long[] saveEnd = {0};
        long[] journaled = {0};
        ManualClock clock = ManualClock.at(session.date(), LocalTime.of(9, 20));
        FakeBroker fake = new FakeBroker(clock, new BigDecimal("100000"));
        Broker broker = timed(Broker.class, fake, "submit", firstOrder, lastOrder);
        try (JdbcStorage jdbcStorage = JdbcStorage.create(jdbc)) {
            store(jdbcStorage, input, config);
            InMemoryMarketData marketData = new InMemoryMarketData();
            List<Bar> bars = new ArrayList<>();
            input.bars().values().forEach(bars::addAll);
            marketData.addIntraday(bars);
            Storage storage = timed(Storage.class, jdbcStorage, "saveOpeningRanges", saveStart, saveEnd);
            DayPlan plan = new DayPlan(NyseCalendar.standard(), config,
                    LiveConfig.builder().scanRehearsals(rehearsals).build());
            TradingDay day = TradingDay.builder(plan).broker(broker).storage(storage).marketData(marketData)
                    .clock(clock).assets(LiveScanLatency::tradable)
                    .journal(noting(new StoredJournal(jdbcStorage, clock), journaled)).build(session);

            long startBegan = System.nanoTime();
            day.start();
            long started = System.nanoTime();
            clock.set(plan.scanAt(session));
            long scanCalled = System.nanoTime();
            ScanOutcome outcome = day.scan();
            long done = System.nanoTime();
            day.close();
            System.out.printf(Locale.ROOT, "%s, %,d symbols, cold JVM, %d rehearsals (start() took %.0f ms): scan %s;"
                            + " after the scan() call: event journaled at %.0f ms, first entry order at the broker"
                            + " %.0f ms, last %.0f ms (%d orders), opening-range records stored from %.0f to %.0f ms,"
                            + " scan() returned at %.0f ms%n",
                    postgres ? "PostgreSQL" : "H2", input.universe().size(), rehearsals, ms(started - startBegan),
                    outcome.status(), ms(journaled[0] - scanCalled), ms(firstOrder[0] - scanCalled),
                    ms(lastOrder[0] - scanCalled), fake.openOrders().size(), ms(saveStart[0] - scanCalled),
                    ms(saveEnd[0] - scanCalled), ms(done - scanCalled));
        } finally {
            if (h2 != null) {
                try (Stream<Path> files = Files.walk(h2)) {
                    for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                }
            }
            if (postgres) {
                try (Connection c = DriverManager.getConnection(args[1], args[2], "");
                     Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
    }

    /** The nightly sync's part: the universe, and the opening-range volumes of the previous sessions. */
    private static void store(JdbcStorage storage, ScanBenchmark input, OrbConfig config) {
        storage.saveUniverse(input.session().date(), List.copyOf(input.universe().values()));
        List<TradingSession> before = NyseCalendar.standard().sessionsBefore(input.session().date(),
                config.rvolLookback());
        for (int k = 0; k < before.size(); k++) {
            Map<Symbol, Long> volumes = new TreeMap<>();
            for (Map.Entry<Symbol, long[]> e : input.history().entrySet()) {
                volumes.put(e.getKey(), e.getValue()[k]);
            }
            storage.saveOpeningRangeVolumes(before.get(k).date(), config.openingRangeMinutes(), volumes);
        }
    }

    private static Map<Symbol, Asset> tradable(java.time.LocalDate session, Collection<Symbol> symbols) {
        Map<Symbol, Asset> assets = new TreeMap<>();
        symbols.forEach(s -> assets.put(s, new Asset(s, true, true, true)));
        return assets;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** {@code journal}, noting when the scan event is durable. */
    private static SessionJournal noting(SessionJournal journal, long[] scanJournaled) {
        return new SessionJournal() {
            @Override
            public void record(TradingSession session, EngineEvent event) {
                journal.record(session, event);
                if (event instanceof EngineEvent.ScanReady) {
                    scanJournaled[0] = System.nanoTime();
                }
            }

            @Override
            public void recordAll(TradingSession session, List<EngineEvent> events) {
                journal.recordAll(session, events);
                if (events.stream().anyMatch(EngineEvent.ScanReady.class::isInstance)) {
                    scanJournaled[0] = System.nanoTime();
                }
            }

            @Override
            public List<EngineEvent> events(TradingSession session) {
                return journal.events(session);
            }
        };
    }

    /** {@code target} with the first start and the last end of calls to {@code method} noted. */
    private static <T> T timed(Class<T> type, T target, String method, long[] firstStart, long[] lastEnd) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            boolean watched = m.getName().equals(method);
            long t0 = System.nanoTime();
            if (watched && firstStart[0] == 0) {
                firstStart[0] = System.nanoTime();
            }
            try {
                return m.invoke(target, a);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (watched) {
                    lastEnd[0] = System.nanoTime();
                }
                if (Boolean.getBoolean("latency.calls")) {
                    System.out.printf(Locale.ROOT, "  %s.%s %.1f ms%n", type.getSimpleName(), m.getName(),
                            (System.nanoTime() - t0) / 1e6);
                }
            }
        });
        return type.cast(proxy);
    }
}
