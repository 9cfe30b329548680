package dev.orb.adapter.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * {@code mvn -o -q -B -pl orb-adapter-jdbc -am -Pbench -DskipTests verify} (optionally {@code -Dbench.args=h2} or
 * {@code =postgres}, and {@code ,journal} or {@code ,upsert} for one table: {@code -Dbench.args=h2,upsert}); it prints
 * two Markdown tables. PostgreSQL is the {@code test} database on 127.0.0.1:5432 (see
 * {@link PostgresBackend}), in schemas dropped afterwards.
 *
 * <p>Wall-clock figures, plus the CPU time of this JVM (all its threads: for H2 that is the whole database engine;
 * PostgreSQL's server processes are not included), so that a busy machine's waiting can be told from the work.
 */
public final class StorageBenchmark {
    private static final int JOURNAL_EVENTS = 20_000;
    private static final int WARMUP_EVENTS = 30_000;
    private static final int THREADS = 4;
    private static final int SMALL_BATCH = 10;
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
        // An optional part after a comma: "h2,upsert", "postgres,journal".
        String part = which.contains(",") ? which.substring(which.indexOf(',') + 1) : "all";
        which = which.contains(",") ? which.substring(0, which.indexOf(',')) : which;
        boolean journal = !part.equals("upsert");
        boolean upsert = !part.equals("journal");
        List<String> journalRows = new ArrayList<>();
        List<String> upsertRows = new ArrayList<>();
        if (!which.equals("postgres")) {
            H2Backend h2 = new H2Backend();
            try {
                String name = "H2 " + org.h2.engine.Constants.VERSION;
                if (journal) {
                    journalRows.add(journal(name, h2.config()));
                }
                if (upsert) {
                    upsertRows.add(upsert(name, h2.config()));
                }
            } finally {
                h2.destroy();
            }
        }
        if (!which.equals("h2")) {
            if (journal) {
                journalRows.add(onPostgres(config -> journal("PostgreSQL", config)));
                journalRows.add(onPostgres(config -> journal("PostgreSQL, asynchronous commit (opt-in)",
                        config.withAsynchronousCommit(true))));
            }
            if (upsert) {
                upsertRows.add(onPostgres(config -> upsert("PostgreSQL", config)));
            }
        }
        System.out.printf(Locale.ROOT, "%n| database | append, 1 thread | append, %d threads | appendAll ×%d |"
                + " appendAll ×%d | plain JDBC, 1 insert per commit | plain JDBC, %d inserts per commit |%n",
                THREADS, SMALL_BATCH, BATCH, THREADS);
        System.out.println("|---|---|---|---|---|---|---|");
        journalRows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%n| database | upsert %,d bars, one call: first of the JVM | the same, warm"
                + " (insert) | same call again (unchanged) | again with every price changed (update) | one more"
                + " session (%,d bars) | %d sessions, one call each (%,d bars) |%n", SYMBOLS * DAYS, SYMBOLS, DAYS,
                SYMBOLS * DAYS);
        System.out.println("|---|---|---|---|---|---|---|");
        upsertRows.forEach(System.out::println);
    }

    /** The journal figures of one database: through JdbcStorage, then plain JDBC on the same table. */
    private static String journal(String name, JdbcConfig config) throws Exception {
        try (JdbcStorage storage = JdbcStorage.create(config)) {
            // Warm-up: H2 runs inside this JVM, and its commit path needs several thousand calls to be compiled.
            appendSerially(storage, WARMUP_EVENTS);
            appendInBatches(storage, WARMUP_EVENTS, SMALL_BATCH);
            String serial = appendSerially(storage, JOURNAL_EVENTS);
            String parallel = appendInParallel(storage, JOURNAL_EVENTS);
            String small = appendInBatches(storage, JOURNAL_EVENTS, SMALL_BATCH);
            String batched = appendInBatches(storage, JOURNAL_EVENTS, BATCH);
            String raw1 = plainInserts(config, JOURNAL_EVENTS, 1);
            String raw4 = plainInserts(config, JOURNAL_EVENTS, THREADS);
            return "| " + name + " | " + serial + " | " + parallel + " | " + small + " | " + batched + " | " + raw1
                    + " | " + raw4 + " |";
        }
    }

    /** The daily-bar figures of one database. */
    private static String upsert(String name, JdbcConfig config) {
        try (JdbcStorage storage = JdbcStorage.create(config)) {
            List<DailyBar> bars = bars(SESSION.minusDays(DAYS), DAYS, 0);
            // The first large upsert of a JVM also pays for compiling the database's code (H2 runs in this JVM) and
            // for growing a fresh file: shown apart, then deleted, and the same upsert measured again.
            String cold = timed(() -> storage.upsertDailyBars(bars));
            storage.deleteDailyBarsBefore(SESSION.plusDays(1));
            String insert = timed(() -> storage.upsertDailyBars(bars));
            String unchanged = timed(() -> storage.upsertDailyBars(bars));
            List<DailyBar> changed = bars(SESSION.minusDays(DAYS), DAYS, 1);
            String update = timed(() -> storage.upsertDailyBars(changed));
            List<DailyBar> nextDay = bars(SESSION, 1, 0);
            String oneSession = timed(() -> storage.upsertDailyBars(nextDay));
            if (storage.dailyBarDates(SESSION.minusYears(1), SESSION).size() != DAYS + 1
                    || !storage.dailyBars(SESSION.minusDays(1), SESSION.minusDays(1)).equals(
                    changed.subList(changed.size() - SYMBOLS, changed.size()).stream().sorted(
                            (a, b) -> a.symbol().compareTo(b.symbol())).toList())) {
                throw new IllegalStateException("the upsert lost or misplaced rows");
            }
            storage.deleteDailyBarsBefore(SESSION.plusDays(1));
            String perSession = timed(() -> {
                for (int d = 0; d < DAYS; d++) {
                    storage.upsertDailyBars(bars.subList(d * SYMBOLS, (d + 1) * SYMBOLS));
                }
            });
            return "| " + name + " | " + cold + " | " + insert + " | " + unchanged + " | " + update + " | "
                    + oneSession + " | " + perSession + " |";
        }
    }

    private interface Run {
        String on(JdbcConfig config) throws Exception;
    }

    /** Runs on a fresh PostgreSQL schema, dropped afterwards. */
    private static String onPostgres(Run run) throws Exception {
        String schema = "orb_bench_" + Long.toHexString(System.nanoTime());
        try {
            return run.on(JdbcConfig.postgres(PostgresBackend.url(), "postgres", "").withSchema(schema));
        } finally {
            try (Connection c = DriverManager.getConnection(PostgresBackend.url(), "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static String appendSerially(JdbcStorage storage, int n) {
        Meter m = new Meter();
        for (int i = 0; i < n; i++) {
            storage.append(entry());
        }
        return m.perSecond(n);
    }

    private static String appendInParallel(JdbcStorage storage, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            Meter m = new Meter();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < n / THREADS; i++) {
                        storage.append(entry());
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return m.perSecond(n);
        } finally {
            pool.shutdown();
        }
    }

    private static String appendInBatches(JdbcStorage storage, int n, int size) {
        List<JournalEntry> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            batch.add(entry());
        }
        Meter m = new Meter();
        for (int i = 0; i < n / size; i++) {
            storage.appendAll(batch);
        }
        return m.perSecond(n);
    }

    /**
     * The raw limit: plain JDBC on one connection, {@code perCommit} single-row inserts into the journal table per
     * transaction (1 = auto-commit), returning the identity like {@code append} does.
     */
    private static String plainInserts(JdbcConfig config, int n, int perCommit) throws Exception {
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password())) {
            if (config.schema().isPresent()) {
                c.setSchema(config.schema().get());
            }
            if (config.asynchronousCommit()) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET synchronous_commit = off");
                }
            }
            c.setAutoCommit(perCommit == 1);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO journal (session_date, recorded_at,"
                    + " event_type, payload) VALUES (?, ?, ?, ?)", new String[] {"seq"})) {
                Meter m = new Meter();
                for (int i = 0; i < n; i++) {
                    ps.setObject(1, SESSION);
                    ps.setObject(2, AT.atOffset(ZoneOffset.UTC));
                    ps.setString(3, "BarReceived");
                    ps.setString(4, PAYLOAD);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                    }
                    if (perCommit > 1 && (i + 1) % perCommit == 0) {
                        c.commit();
                    }
                }
                if (perCommit > 1) {
                    c.commit();
                }
                return m.perSecond(n);
            }
        }
    }

    private static JournalEntry entry() {
        return new JournalEntry(0, SESSION, AT, "BarReceived", PAYLOAD);
    }

    /**
     * 10,000 symbols × {@code days} sessions from {@code first}, in the order a download delivers them: by date, and
     * the symbols in numeric rather than alphabetical order. {@code cents} is added to every price.
     */
    private static List<DailyBar> bars(LocalDate first, int days, int cents) {
        List<DailyBar> bars = new ArrayList<>(SYMBOLS * days);
        for (int d = 0; d < days; d++) {
            LocalDate date = first.plusDays(d);
            for (int s = 0; s < SYMBOLS; s++) {
                Price close = Price.of(BigDecimal.valueOf(1000 + s * 7L + d + cents, 2));
                Price high = Price.of(close.toBigDecimal().add(BigDecimal.ONE));
                bars.add(new DailyBar(Symbol.of("S" + s), date, close, high, close, close, 100_000L + s));
            }
        }
        return bars;
    }

    private static String timed(Runnable work) {
        Meter m = new Meter();
        work.run();
        return m.seconds();
    }

    /** Wall-clock and this JVM's CPU time since construction. */
    private static final class Meter {
        private final long start = System.nanoTime();
        private final double cpu = processCpuSeconds();

        String perSecond(int events) {
            double wall = (System.nanoTime() - start) / 1e9;
            return String.format(Locale.ROOT, "%,.0f/s (CPU %.0f µs/event)", events / wall,
                    (processCpuSeconds() - cpu) * 1e6 / events);
        }

        String seconds() {
            return String.format(Locale.ROOT, "%.2f s (CPU %.2f s)", (System.nanoTime() - start) / 1e9,
                    processCpuSeconds() - cpu);
        }

        private static double processCpuSeconds() {
            java.lang.management.OperatingSystemMXBean os =
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9
                    : Double.NaN;
        }
    }
}
