package dev.orb.adapter.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

import dev.orb.domain.DailyBar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Symbol;
import dev.orb.ports.query.Page;
import dev.orb.ports.query.PageRequest;

/**
 * Daily bars and the nightly universe.
 *
 * <p>{@link #upsertDailyBars} writes in key order (date, then symbol — the table's primary key since V3) and leaves
 * rows whose values did not change untouched. On H2 it sends the rows as arrays, {@value #H2_ROWS_PER_STEP} per
 * set-based {@code MERGE}; on PostgreSQL as batched {@code INSERT … ON CONFLICT DO UPDATE … WHERE … IS DISTINCT
 * FROM} statements, which the driver rewrites into multi-row inserts.
 *
 * <p>A date's bars are read only once the date is listed in {@code daily_bar_dates}; an upsert lists its dates in
 * the transaction that completes it. Usually that is its only transaction. On H2, an upsert of more than
 * {@value #H2_ROWS_PER_STEP} rows writes the bars of the dates not listed yet in steps of that many rows, one
 * transaction each, and finishes with one transaction that writes the bars of listed dates and lists the new ones:
 * H2 (MVStore) spends more per row in one large transaction than in several small ones — 300,000 bars took 1.1 to
 * 1.6 times as long in one (it writes the uncommitted pages out, evicts them, and revisits every row at commit). Readers see all of it or none of it; a crash leaves
 * only unlisted rows, which the next upsert of those dates overwrites. H2 upserts and deletes of daily bars are
 * serialised (one process owns an H2 file, so no other writer can list a date in between).
 */
public final class MarketDao {
    /** Rows per JDBC batch: large enough to amortise round trips, small enough to bound driver memory. */
    static final int BATCH = 1000;
    /** Rows per H2 {@code MERGE} statement (seven arrays of this length) and per step of a large H2 upsert. */
    static final int H2_ROWS_PER_STEP = 10_000;
    /** Bars of listed dates only. */
    private static final String BAR_SELECT = "SELECT b.symbol, b.bar_date, b.open_price, b.high_price, b.low_price,"
            + " b.close_price, b.volume FROM daily_bars b JOIN daily_bar_dates l ON l.bar_date = b.bar_date";
    private static final String OHLCV = "open_price, high_price, low_price, close_price, volume";
    private static final String UNIVERSE_COLUMNS = "session_date, symbol, atr_14, avg_volume_14, prev_close";
    /**
     * Only the OHLCV columns are updated: a re-fetched bar keeps the statistics copied onto it by saveUniverse. A
     * bar equal to the stored one is not written at all.
     */
    private static final String H2_UPSERT = "MERGE INTO daily_bars d USING (SELECT * FROM TABLE("
            + "symbol VARCHAR(10) = ?, bar_date DATE = ?, open_price NUMERIC(20, 9) = ?, high_price NUMERIC(20, 9) = ?,"
            + " low_price NUMERIC(20, 9) = ?, close_price NUMERIC(20, 9) = ?, volume BIGINT = ?)) s"
            + " ON d.bar_date = s.bar_date AND d.symbol = s.symbol"
            + " WHEN MATCHED AND (d.open_price <> s.open_price OR d.high_price <> s.high_price"
            + " OR d.low_price <> s.low_price OR d.close_price <> s.close_price OR d.volume <> s.volume)"
            + " THEN UPDATE SET open_price = s.open_price, high_price = s.high_price, low_price = s.low_price,"
            + " close_price = s.close_price, volume = s.volume"
            + " WHEN NOT MATCHED THEN INSERT (symbol, bar_date, " + OHLCV + ")"
            + " VALUES (s.symbol, s.bar_date, s.open_price, s.high_price, s.low_price, s.close_price, s.volume)";
    private static final String POSTGRES_UPSERT = "INSERT INTO daily_bars (symbol, bar_date, " + OHLCV
            + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (bar_date, symbol) DO UPDATE SET"
            + " open_price = EXCLUDED.open_price, high_price = EXCLUDED.high_price, low_price = EXCLUDED.low_price,"
            + " close_price = EXCLUDED.close_price, volume = EXCLUDED.volume"
            + " WHERE (daily_bars.open_price, daily_bars.high_price, daily_bars.low_price, daily_bars.close_price,"
            + " daily_bars.volume) IS DISTINCT FROM (EXCLUDED.open_price, EXCLUDED.high_price, EXCLUDED.low_price,"
            + " EXCLUDED.close_price, EXCLUDED.volume)";
    private static final Comparator<DailyBar> KEY_ORDER =
            Comparator.comparing(DailyBar::date).thenComparing(DailyBar::symbol);

    private final Database db;
    private final String listDate;
    /** H2 only: one upsert or delete of daily bars at a time (see the class comment). */
    private final ReentrantLock h2Writes = new ReentrantLock();

    /** A DAO on {@code db}. */
    public MarketDao(Database db) {
        this.db = db;
        this.listDate = db.dialect().insertIgnoringConflicts("daily_bar_dates", List.of("bar_date"),
                List.of("bar_date"));
    }

    /**
     * All or nothing for readers; duplicates of a (symbol, date) in {@code bars} collapse to the last one. One
     * transaction, or on H2 above {@value #H2_ROWS_PER_STEP} rows several (see the class comment).
     */
    public void upsertDailyBars(Collection<DailyBar> bars) {
        List<DailyBar> sorted = inKeyOrder(bars);
        if (sorted.isEmpty()) {
            return;
        }
        if (db.dialect() != Dialect.H2) {
            db.update("upserting " + sorted.size() + " daily bars", h -> {
                upsertPostgres(h.getConnection(), sorted);
                listDates(h.getConnection(), dates(sorted));
            });
            return;
        }
        h2Writes.lock();
        try {
            if (sorted.size() <= H2_ROWS_PER_STEP) {
                db.update("upserting " + sorted.size() + " daily bars", h -> {
                    upsertH2(h.getConnection(), sorted);
                    listDates(h.getConnection(), dates(sorted));
                });
            } else {
                upsertH2InSteps(sorted);
            }
        } finally {
            h2Writes.unlock();
        }
    }

    /**
     * The bars of unlisted dates in steps of {@value #H2_ROWS_PER_STEP} rows, a transaction each (invisible to
     * readers: their dates are not listed); then, in one transaction, the bars of listed dates and the new dates'
     * listing.
     */
    private void upsertH2InSteps(List<DailyBar> sorted) {
        LocalDate first = sorted.get(0).date();
        LocalDate last = sorted.get(sorted.size() - 1).date();
        Set<LocalDate> listed = new HashSet<>(db.read("reading listed daily bar dates", h -> h.createQuery(
                        "SELECT bar_date FROM daily_bar_dates WHERE bar_date BETWEEN :from AND :to")
                .bind("from", first).bind("to", last)
                .map((rs, ctx) -> Columns.date(rs, "bar_date"))
                .list()));
        List<DailyBar> unlisted = new ArrayList<>();
        List<DailyBar> shown = new ArrayList<>();
        for (DailyBar bar : sorted) {
            (listed.contains(bar.date()) ? shown : unlisted).add(bar);
        }
        for (int from = 0; from < unlisted.size(); from += H2_ROWS_PER_STEP) {
            List<DailyBar> step = unlisted.subList(from, Math.min(unlisted.size(), from + H2_ROWS_PER_STEP));
            db.update("upserting " + step.size() + " daily bars of unlisted dates (" + step.get(0).date() + ".."
                    + step.get(step.size() - 1).date() + ")", h -> upsertH2(h.getConnection(), step));
        }
        db.update("upserting " + shown.size() + " daily bars of listed dates and listing " + first + ".." + last,
                h -> {
                    upsertH2(h.getConnection(), shown);
                    listDates(h.getConnection(), dates(unlisted));
                });
    }

    /** Sorted by (date, symbol), nulls refused; of bars with the same key only the last one given is kept. */
    static List<DailyBar> inKeyOrder(Collection<DailyBar> bars) {
        Objects.requireNonNull(bars, "bars");
        List<DailyBar> sorted = new ArrayList<>(bars.size());
        for (DailyBar bar : bars) {
            sorted.add(Objects.requireNonNull(bar, "bars contains null"));
        }
        sorted.sort(KEY_ORDER); // stable: bars with equal keys stay in the order given
        List<DailyBar> unique = new ArrayList<>(sorted.size());
        for (DailyBar bar : sorted) {
            int previous = unique.size() - 1;
            if (previous >= 0 && KEY_ORDER.compare(unique.get(previous), bar) == 0) {
                unique.set(previous, bar);
            } else {
                unique.add(bar);
            }
        }
        return unique;
    }

    private static Set<LocalDate> dates(List<DailyBar> bars) {
        Set<LocalDate> dates = new TreeSet<>();
        for (DailyBar bar : bars) {
            dates.add(bar.date());
        }
        return dates;
    }

    private void listDates(Connection c, Set<LocalDate> dates) throws SQLException {
        if (dates.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(listDate)) {
            for (LocalDate date : dates) {
                Columns.setDate(ps, 1, date);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void upsertH2(Connection c, List<DailyBar> bars) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(H2_UPSERT)) {
            for (int from = 0; from < bars.size(); from += H2_ROWS_PER_STEP) {
                List<DailyBar> part = bars.subList(from, Math.min(bars.size(), from + H2_ROWS_PER_STEP));
                int n = part.size();
                Object[] symbols = new Object[n];
                Object[] dates = new Object[n];
                Object[] opens = new Object[n];
                Object[] highs = new Object[n];
                Object[] lows = new Object[n];
                Object[] closes = new Object[n];
                Object[] volumes = new Object[n];
                for (int i = 0; i < n; i++) {
                    DailyBar bar = part.get(i);
                    symbols[i] = bar.symbol().value();
                    dates[i] = bar.date();
                    opens[i] = Columns.decimal(bar.open());
                    highs[i] = Columns.decimal(bar.high());
                    lows[i] = Columns.decimal(bar.low());
                    closes[i] = Columns.decimal(bar.close());
                    volumes[i] = bar.volume();
                }
                ps.setObject(1, symbols);
                ps.setObject(2, dates);
                ps.setObject(3, opens);
                ps.setObject(4, highs);
                ps.setObject(5, lows);
                ps.setObject(6, closes);
                ps.setObject(7, volumes);
                ps.executeUpdate();
            }
        }
    }

    private static void upsertPostgres(Connection c, List<DailyBar> bars) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(POSTGRES_UPSERT)) {
            int pending = 0;
            for (DailyBar bar : bars) {
                ps.setString(1, bar.symbol().value());
                Columns.setDate(ps, 2, bar.date());
                Columns.setPrice(ps, 3, bar.open());
                Columns.setPrice(ps, 4, bar.high());
                Columns.setPrice(ps, 5, bar.low());
                Columns.setPrice(ps, 6, bar.close());
                ps.setLong(7, bar.volume());
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** Implements {@link dev.orb.ports.MarketStore#dailyBars}: by date, then symbol in {@code Symbol} order. */
    public List<DailyBar> dailyBars(LocalDate from, LocalDate to) {
        if (emptyRange(from, to)) {
            return List.of();
        }
        return db.read("reading daily bars " + from + ".." + to, h -> List.copyOf(h.createQuery(BAR_SELECT
                        + " WHERE b.bar_date BETWEEN :from AND :to ORDER BY b.bar_date, "
                        + db.dialect().bySymbol("b.symbol"))
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> bar(rs))
                .list()));
    }

    /** Implements {@link dev.orb.ports.MarketStore#dailyBarDates}, oldest first: listed dates that have bars. */
    public List<LocalDate> dailyBarDates(LocalDate from, LocalDate to) {
        if (emptyRange(from, to)) {
            return List.of();
        }
        return db.read("reading daily bar dates " + from + ".." + to, h -> List.copyOf(h.createQuery(
                        "SELECT l.bar_date FROM daily_bar_dates l WHERE l.bar_date BETWEEN :from AND :to"
                                + " AND EXISTS (SELECT 1 FROM daily_bars b WHERE b.bar_date = l.bar_date)"
                                + " ORDER BY l.bar_date")
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> Columns.date(rs, "bar_date"))
                .list()));
    }

    /**
     * Implements {@link dev.orb.ports.MarketStore#deleteDailyBarsBefore}, in one transaction: the bars (also rows of
     * an interrupted upsert, which are counted) and the dates' listing.
     */
    public int deleteDailyBarsBefore(LocalDate date) {
        Objects.requireNonNull(date, "date");
        boolean h2 = db.dialect() == Dialect.H2;
        if (h2) {
            h2Writes.lock();
        }
        try {
            return db.write("deleting daily bars before " + date, h -> {
                h.createUpdate("DELETE FROM daily_bar_dates WHERE bar_date < :date").bind("date", date).execute();
                return h.createUpdate("DELETE FROM daily_bars WHERE bar_date < :date").bind("date", date).execute();
            });
        } finally {
            if (h2) {
                h2Writes.unlock();
            }
        }
    }

    /**
     * Replaces the universe of {@code session} and copies each symbol's ATR and average volume onto its latest
     * daily bar before {@code session} (the bar they were computed through), in one transaction.
     */
    public void saveUniverse(LocalDate session, Collection<DailyStats> universe) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(universe, "universe");
        List<DailyStats> stats = List.copyOf(universe);
        Set<Symbol> seen = new HashSet<>();
        for (DailyStats s : stats) {
            if (!s.session().equals(session)) {
                throw new InvalidValueException("saveUniverse: the statistics of " + s.symbol() + " are for "
                        + s.session() + ", not " + session);
            }
            if (!seen.add(s.symbol())) {
                throw new InvalidValueException("saveUniverse: " + s.symbol() + " appears twice in the universe of "
                        + session);
            }
        }
        db.update("saving the universe of " + session + " (" + stats.size() + " symbols)", h -> {
            h.createUpdate("DELETE FROM universe WHERE session_date = :session").bind("session", session).execute();
            Map<Symbol, LocalDate> latest = latestBarDates(h.getConnection(), session, seen);
            try (PreparedStatement insert = h.getConnection().prepareStatement("INSERT INTO universe ("
                    + UNIVERSE_COLUMNS + ") VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement copy = h.getConnection().prepareStatement("UPDATE daily_bars SET atr_14 = ?,"
                         + " avg_volume_14 = ? WHERE bar_date = ? AND symbol = ?")) {
                int pending = 0;
                for (DailyStats s : stats) {
                    Columns.setDate(insert, 1, session);
                    insert.setString(2, s.symbol().value());
                    insert.setBigDecimal(3, s.atr14());
                    insert.setBigDecimal(4, s.avgVolume14());
                    Columns.setPrice(insert, 5, s.prevClose());
                    insert.addBatch();
                    LocalDate barDate = latest.get(s.symbol());
                    if (barDate != null) {
                        copy.setBigDecimal(1, s.atr14());
                        copy.setBigDecimal(2, s.avgVolume14());
                        Columns.setDate(copy, 3, barDate);
                        copy.setString(4, s.symbol().value());
                        copy.addBatch();
                    }
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        copy.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                    copy.executeBatch();
                }
            }
        });
    }

    /**
     * The date of each symbol's latest stored bar before {@code session}, for the symbols in {@code wanted} that have
     * one. Walks the listed dates backwards and reads each date's symbols (a range of the key) until every wanted
     * symbol is placed: usually one date, the previous session.
     */
    private static Map<Symbol, LocalDate> latestBarDates(Connection c, LocalDate session, Set<Symbol> wanted)
            throws SQLException {
        Map<Symbol, LocalDate> latest = new HashMap<>();
        if (wanted.isEmpty()) {
            return latest;
        }
        List<LocalDate> dates = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT bar_date FROM daily_bar_dates WHERE bar_date < ? ORDER BY bar_date DESC")) {
            Columns.setDate(ps, 1, session);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    dates.add(Columns.date(rs, "bar_date"));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT symbol FROM daily_bars WHERE bar_date = ?")) {
            for (LocalDate date : dates) {
                Columns.setDate(ps, 1, date);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Symbol symbol = Symbol.of(rs.getString(1));
                        if (wanted.contains(symbol)) {
                            latest.putIfAbsent(symbol, date);
                        }
                    }
                }
                if (latest.size() == wanted.size()) {
                    break;
                }
            }
        }
        return latest;
    }

    /** Implements {@link dev.orb.ports.MarketStore#universe}: by symbol. */
    public List<DailyStats> universe(LocalDate session) {
        Objects.requireNonNull(session, "session");
        return db.read("reading the universe of " + session, h -> List.copyOf(h.createQuery("SELECT "
                        + UNIVERSE_COLUMNS + " FROM universe WHERE session_date = :session ORDER BY "
                        + db.dialect().bySymbol("symbol"))
                .bind("session", session)
                .map((rs, ctx) -> stats(rs))
                .list()));
    }

    /** Implements {@link dev.orb.ports.query.AuditQueries#universePage}. */
    public Page<DailyStats> universePage(LocalDate session, PageRequest page) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(page, "page");
        return db.snapshot("reading the universe of " + session, h -> new Paging()
                .and("session_date = :session", "session", session)
                .page(h, "universe", UNIVERSE_COLUMNS, db.dialect().bySymbol("symbol"), page, (rs, ctx) -> stats(rs)));
    }

    /** True when {@code [from, to]} holds no date (from after to): such queries return nothing. */
    static boolean emptyRange(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return from.isAfter(to);
    }

    private static DailyBar bar(ResultSet rs) throws SQLException {
        return new DailyBar(Columns.symbol(rs, "symbol"), Columns.date(rs, "bar_date"), Columns.price(rs, "open_price"),
                Columns.price(rs, "high_price"), Columns.price(rs, "low_price"), Columns.price(rs, "close_price"),
                rs.getLong("volume"));
    }

    private static DailyStats stats(ResultSet rs) throws SQLException {
        return new DailyStats(Columns.symbol(rs, "symbol"), Columns.date(rs, "session_date"),
                Columns.decimal(rs, "atr_14"), Columns.decimal(rs, "avg_volume_14"), Columns.price(rs, "prev_close"));
    }
}
