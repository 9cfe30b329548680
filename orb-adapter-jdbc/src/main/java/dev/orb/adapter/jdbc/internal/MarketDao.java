package dev.orb.adapter.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.orb.domain.DailyBar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.InvalidValueException;
import dev.orb.ports.query.Page;
import dev.orb.ports.query.PageRequest;

/** Daily bars and the nightly universe. */
public final class MarketDao {
    /** Rows per JDBC batch: large enough to amortise round trips, small enough to bound driver memory. */
    static final int BATCH = 1000;
    private static final List<String> BAR_COLUMNS =
            List.of("symbol", "bar_date", "open_price", "high_price", "low_price", "close_price", "volume");
    private static final String BAR_SELECT =
            "SELECT symbol, bar_date, open_price, high_price, low_price, close_price, volume FROM daily_bars";
    private static final String UNIVERSE_COLUMNS = "session_date, symbol, atr_14, avg_volume_14, prev_close";

    private final Database db;
    private final String upsertBar;

    /** A DAO on {@code db}. */
    public MarketDao(Database db) {
        this.db = db;
        // Only the OHLCV columns: a re-fetched bar keeps the statistics copied onto it by saveUniverse.
        this.upsertBar = db.dialect().upsert("daily_bars", BAR_COLUMNS, List.of("symbol", "bar_date"));
    }

    /** One transaction; duplicates of a (symbol, date) in {@code bars} collapse to the last one. */
    public void upsertDailyBars(Collection<DailyBar> bars) {
        Objects.requireNonNull(bars, "bars");
        Map<List<Object>, DailyBar> unique = new LinkedHashMap<>();
        for (DailyBar bar : bars) {
            Objects.requireNonNull(bar, "bars contains null");
            unique.put(List.of(bar.symbol(), bar.date()), bar);
        }
        if (unique.isEmpty()) {
            return;
        }
        db.update("upserting " + unique.size() + " daily bars", h -> {
            try (PreparedStatement ps = h.getConnection().prepareStatement(upsertBar)) {
                int pending = 0;
                for (DailyBar bar : unique.values()) {
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
        });
    }

    /** Implements {@link dev.orb.ports.MarketStore#dailyBars}: by date, then symbol in {@code Symbol} order. */
    public List<DailyBar> dailyBars(LocalDate from, LocalDate to) {
        if (emptyRange(from, to)) {
            return List.of();
        }
        return db.read("reading daily bars " + from + ".." + to, h -> List.copyOf(h.createQuery(BAR_SELECT
                        + " WHERE bar_date BETWEEN :from AND :to ORDER BY bar_date, " + db.dialect().bySymbol("symbol"))
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> bar(rs))
                .list()));
    }

    /** Implements {@link dev.orb.ports.MarketStore#dailyBarDates}, oldest first. */
    public List<LocalDate> dailyBarDates(LocalDate from, LocalDate to) {
        if (emptyRange(from, to)) {
            return List.of();
        }
        return db.read("reading daily bar dates " + from + ".." + to, h -> List.copyOf(h.createQuery(
                        "SELECT DISTINCT bar_date FROM daily_bars WHERE bar_date BETWEEN :from AND :to ORDER BY bar_date")
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> Columns.date(rs, "bar_date"))
                .list()));
    }

    /** Implements {@link dev.orb.ports.MarketStore#deleteDailyBarsBefore}, in one transaction. */
    public int deleteDailyBarsBefore(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return db.write("deleting daily bars before " + date, h -> h.createUpdate(
                "DELETE FROM daily_bars WHERE bar_date < :date").bind("date", date).execute());
    }

    /**
     * Replaces the universe of {@code session} and copies each symbol's ATR and average volume onto its latest
     * daily bar before {@code session} (the bar they were computed through), in one transaction.
     */
    public void saveUniverse(LocalDate session, Collection<DailyStats> universe) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(universe, "universe");
        List<DailyStats> stats = List.copyOf(universe);
        Set<Object> seen = new HashSet<>();
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
            try (PreparedStatement insert = h.getConnection().prepareStatement("INSERT INTO universe ("
                    + UNIVERSE_COLUMNS + ") VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement copy = h.getConnection().prepareStatement("UPDATE daily_bars SET atr_14 = ?,"
                         + " avg_volume_14 = ? WHERE symbol = ? AND bar_date = (SELECT MAX(bar_date) FROM daily_bars"
                         + " WHERE symbol = ? AND bar_date < ?)")) {
                int pending = 0;
                for (DailyStats s : stats) {
                    Columns.setDate(insert, 1, session);
                    insert.setString(2, s.symbol().value());
                    insert.setBigDecimal(3, s.atr14());
                    insert.setBigDecimal(4, s.avgVolume14());
                    Columns.setPrice(insert, 5, s.prevClose());
                    insert.addBatch();
                    copy.setBigDecimal(1, s.atr14());
                    copy.setBigDecimal(2, s.avgVolume14());
                    copy.setString(3, s.symbol().value());
                    copy.setString(4, s.symbol().value());
                    Columns.setDate(copy, 5, session);
                    copy.addBatch();
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
