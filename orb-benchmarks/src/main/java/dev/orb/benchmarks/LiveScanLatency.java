package dev.orb.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.orb.adapter.jdbc.JdbcConfig;
import dev.orb.adapter.jdbc.JdbcStorage;
import dev.orb.core.config.OrbConfig;
import dev.orb.core.fakes.FakeBroker;
import dev.orb.core.fakes.ManualClock;
import dev.orb.core.journal.StoredJournal;
import dev.orb.core.session.EngineEvent;
import dev.orb.core.session.EngineListener;
import dev.orb.core.session.SessionEngine;
import dev.orb.core.session.SessionJournal;
import dev.orb.core.session.SessionRunner;
import dev.orb.core.strategy.SessionSchedule;
import dev.orb.domain.Asset;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;
import dev.orb.ports.Broker;
import dev.orb.ports.Storage;

/**
 * The 09:35 path of a live session over {@link ScanBenchmark}'s 10,000-symbol input, once, in a fresh JVM (as it
 * runs once a day): a {@link SessionRunner} with the JDBC storage and journal and a {@link FakeBroker}, fed the
 * {@code ScanReady} event. Prints how long after the feed the first and last entry orders reached the broker,
 * how long the opening-range records took to store, and when the feed returned. Not a JMH benchmark: the point is
 * the first, cold run.
 *
 * <p>{@code java -cp orb-benchmarks/target/benchmarks.jar dev.orb.benchmarks.LiveScanLatency [JDBC_URL USER]}:
 * H2 in a temporary directory by default; with a PostgreSQL URL, orb's tables go to a schema of their own, dropped
 * at the end.
 */
public final class LiveScanLatency {
    private LiveScanLatency() {
    }

    public static void main(String[] args) throws Exception {
        ScanBenchmark input = new ScanBenchmark();
        input.symbols = 10_000;
        input.setUp();
        TradingSession session = input.session();
        OrbConfig config = OrbConfig.defaults();
        String schema = "orb_latency_" + ProcessHandle.current().pid();
        JdbcConfig jdbc = args.length >= 2 ? JdbcConfig.postgres(args[0], args[1], "").withSchema(schema)
                : JdbcConfig.h2File(Files.createTempDirectory("orb-latency"));
        long[] firstOrder = {0};
        long[] lastOrder = {0};
        long[] saveStart = {0};
        long[] saveEnd = {0};
        long[] journaled = {0};
        ManualClock clock = ManualClock.at(session.date(), LocalTime.of(9, 29));
        FakeBroker fake = new FakeBroker(clock, new BigDecimal("100000"));
        Broker broker = timed(Broker.class, fake, "submit", firstOrder, lastOrder);
        try (JdbcStorage jdbcStorage = JdbcStorage.create(jdbc)) {
            Storage storage = timed(Storage.class, jdbcStorage, "saveOpeningRanges", saveStart, saveEnd);
            SessionRunner runner = new SessionRunner(new SessionEngine(config), broker, storage, clock,
                    noting(new StoredJournal(jdbcStorage, clock), journaled), EngineListener.NONE);
            runner.start(session);
            clock.set(SessionSchedule.scanTime(session, config));
            Map<Symbol, Asset> assets = new TreeMap<>();
            input.universe().keySet().forEach(s -> assets.put(s, new Asset(s, true, true, true)));

            long start = System.nanoTime();
            EngineEvent.ScanReady event = new EngineEvent.ScanReady(clock.now(), input.universe(), input.bars(),
                    input.history(), assets);
            long fed = System.nanoTime();
            runner.feed(event);
            long done = System.nanoTime();
            runner.close();
            System.out.printf(Locale.ROOT, "%s, %,d symbols, cold JVM: ScanReady from maps %.0f ms; after the feed:"
                            + " journaled (encode + write) by %.0f ms; first entry order at the broker %.0f ms, last"
                            + " %.0f ms (%d orders); opening-range"
                            + " records stored from %.0f to %.0f ms; feed returned at %.0f ms%n",
                    args.length >= 2 ? "PostgreSQL" : "H2", input.universe().size(), ms(fed - start),
                    ms(journaled[0] - fed), ms(firstOrder[0] - fed), ms(lastOrder[0] - fed), fake.openOrders().size(),
                    ms(saveStart[0] - fed), ms(saveEnd[0] - fed), ms(done - fed));
        } finally {
            if (args.length >= 2) {
                try (Connection c = DriverManager.getConnection(args[0], args[1], "");
                     Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
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
            }
        });
        return type.cast(proxy);
    }
}
