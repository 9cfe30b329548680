package dev.orb.adapter.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.orb.domain.DailyBar;
import dev.orb.domain.JournalEntry;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;

/**
 * Throughput of the journal and of the nightly daily-bar upsert, on H2 and PostgreSQL. Not a test: run it with
 * {@code mvn -o -q -B -pl orb-adapter-jdbc -am -Pbench -DskipTests verify} (optionally
 * {@code -Dbench.args=h2} or {@code =postgres}); it prints a Markdown table. PostgreSQL is the {@code test}
 * database on 127.0.0.1:5432 (see {@link PostgresBackend}), in a schema dropped afterwards.
 */
public final class StorageBenchmark {
    private static final int JOURNAL_EVENTS = 20_000;
    private static final int WARMUP_EVENTS = 3_000;
    private static final int THREADS = 4;
    private static final int BATCH = 100;
    private static final int SYMBOLS = 10_000;
    private static final int DAYS = 30;
    private static final LocalDate SESSION = LocalDate.of(2024, 3, 11);
    private static final Instant AT = Instant.parse("2024-03-11T13:35:00.123456Z");
    private static final String PAYLOAD = "{\"type\":\"BarReceived\",\"symbol\":\"AAPL\",\"open\":\"170.01\","
            + "\"high\":\"170.55\",\"low\":\"169.80\",\"close\":\"170.42\",\"volume\":123456}";

    private StorageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 || args[0] == null || args[0].isBlank() ? "all" : args[0];
        System.out.printf("%n| database | journal append, 1 thread | journal append, %d threads | appendAll (batches of %d)"
                + " | daily-bar upsert, %,d rows (insert) | same upsert again (update) | one more session (%,d rows) |%n",
                THREADS, BATCH, SYMBOLS * DAYS, SYMBOLS);
        System.out.println("|---|---|---|---|---|---|---|");
        if (!which.equals("postgres")) {
            H2Backend h2 = new H2Backend();
            try {
                run("H2 " + org.h2.engine.Constants.VERSION, h2.config());
            } finally {
                h2.destroy();
            }
        }
        if (!which.equals("h2")) {
            String schema = "orb_bench_" + Long.toHexString(System.nanoTime());
            JdbcConfig config = JdbcConfig.postgres(PostgresBackend.url(), "postgres", "").withSchema(schema);
            try {
                run("PostgreSQL", config);
            } finally {
                try (Connection c = DriverManager.getConnection(PostgresBackend.url(), "postgres", "");
                     Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
    }

    private static void run(String name, JdbcConfig config) throws Exception {
        try (JdbcStorage storage = JdbcStorage.create(config)) {
            appendSerially(storage, WARMUP_EVENTS);
            double serial = appendSerially(storage, JOURNAL_EVENTS);
            double parallel = appendInParallel(storage, JOURNAL_EVENTS);
            double batched = appendInBatches(storage, JOURNAL_EVENTS);
            List<DailyBar> bars = bars(SESSION.minusDays(DAYS), DAYS);
            storage.upsertDailyBars(bars.subList(0, 20_000));
            storage.deleteDailyBarsBefore(SESSION.plusDays(1));
            double cpu0 = processCpuSeconds();
            double insert = seconds(() -> storage.upsertDailyBars(bars));
            double cpu1 = processCpuSeconds();
            double update = seconds(() -> storage.upsertDailyBars(bars));
            double cpu2 = processCpuSeconds();
            List<DailyBar> nextDay = bars(SESSION, 1);
            double oneSession = seconds(() -> storage.upsertDailyBars(nextDay));
            if (storage.dailyBarDates(SESSION.minusYears(1), SESSION).size() != DAYS + 1) {
                throw new IllegalStateException("upsert lost rows");
            }
            System.out.printf(Locale.ROOT, "| %s | %,.0f events/s | %,.0f events/s | %,.0f events/s | %.1f s (CPU %.1f s)"
                    + " | %.1f s (CPU %.1f s) | %.2f s |%n", name, serial, parallel, batched, insert, cpu1 - cpu0, update,
                    cpu2 - cpu1, oneSession);
        }
    }

    private static double appendSerially(JdbcStorage storage, int n) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            storage.append(new JournalEntry(0, SESSION, AT, "BarReceived", PAYLOAD));
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static double appendInParallel(JdbcStorage storage, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < n / THREADS; i++) {
                        storage.append(new JournalEntry(0, SESSION, AT, "BarReceived", PAYLOAD));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return n / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static double appendInBatches(JdbcStorage storage, int n) {
        List<JournalEntry> batch = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            batch.add(new JournalEntry(0, SESSION, AT, "BarReceived", PAYLOAD));
        }
        long start = System.nanoTime();
        for (int i = 0; i < n / BATCH; i++) {
            storage.appendAll(batch);
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** 10,000 symbols × {@code days} sessions from {@code first}, in the order a download delivers them: by date. */
    private static List<DailyBar> bars(LocalDate first, int days) {
        List<DailyBar> bars = new ArrayList<>(SYMBOLS * days);
        for (int d = 0; d < days; d++) {
            LocalDate date = first.plusDays(d);
            for (int s = 0; s < SYMBOLS; s++) {
                Price close = Price.of(BigDecimal.valueOf(1000 + s * 7L + d, 2));
                Price high = Price.of(close.toBigDecimal().add(BigDecimal.ONE));
                bars.add(new DailyBar(Symbol.of("S" + s), date, close, high, close, close, 100_000L + s));
            }
        }
        return bars;
    }

    /** CPU time of this JVM (all threads), so that a busy machine's waiting can be told from the work itself. */
    private static double processCpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    private static double seconds(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
