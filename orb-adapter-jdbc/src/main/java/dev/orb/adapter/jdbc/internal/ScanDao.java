package dev.orb.adapter.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.orb.domain.InvalidValueException;
import dev.orb.domain.OpeningRange;
import dev.orb.domain.OpeningRangeRecord;
import dev.orb.domain.Symbol;
import dev.orb.ports.query.Page;
import dev.orb.ports.query.PageRequest;

/** The morning scan: opening-range records and the opening-range volume history used for RVOL. */
public final class ScanDao {
    private static final List<String> RANGE_COLUMNS = List.of("session_date", "symbol", "minutes", "open_price",
            "high_price", "low_price", "close_price", "volume", "direction", "candidate", "selected", "rvol", "rank",
            "entry_price", "stop_price", "note");
    private static final String RANGE_SELECT = String.join(", ", RANGE_COLUMNS);

    private final Database db;
    private final String upsertRange;
    private final String insertVolumeSession;

    /** A DAO on {@code db}. */
    public ScanDao(Database db) {
        this.db = db;
        this.upsertRange = db.dialect().upsert("opening_ranges", RANGE_COLUMNS, List.of("session_date", "symbol"));
        this.insertVolumeSession = db.dialect().insertIgnoringConflicts("opening_range_volume_sessions",
                List.of("session_date", "minutes"), List.of("session_date", "minutes"));
    }

    /** One transaction; duplicates of a (session, symbol) collapse to the last one. */
    public void saveOpeningRanges(Collection<OpeningRangeRecord> records) {
        Objects.requireNonNull(records, "records");
        Map<List<Object>, OpeningRangeRecord> unique = new LinkedHashMap<>();
        for (OpeningRangeRecord r : records) {
            Objects.requireNonNull(r, "records contains null");
            unique.put(List.of(r.range().session(), r.range().symbol()), r);
        }
        if (unique.isEmpty()) {
            return;
        }
        db.update("saving " + unique.size() + " opening ranges", h -> {
            try (PreparedStatement ps = h.getConnection().prepareStatement(upsertRange)) {
                int pending = 0;
                for (OpeningRangeRecord r : unique.values()) {
                    OpeningRange or = r.range();
                    Columns.setDate(ps, 1, or.session());
                    ps.setString(2, or.symbol().value());
                    ps.setInt(3, or.minutes());
                    Columns.setPrice(ps, 4, or.open());
                    Columns.setPrice(ps, 5, or.high());
                    Columns.setPrice(ps, 6, or.low());
                    Columns.setPrice(ps, 7, or.close());
                    ps.setLong(8, or.volume());
                    Columns.setEnum(ps, 9, or.direction().orElse(null));
                    ps.setBoolean(10, r.rank() > 0);
                    ps.setBoolean(11, r.selected());
                    Columns.setRvol(ps, 12, r.rvol());
                    ps.setInt(13, r.rank());
                    Columns.setPrice(ps, 14, r.entry());
                    Columns.setPrice(ps, 15, r.stop());
                    ps.setString(16, r.note());
                    ps.addBatch();
                    if (++pending == MarketDao.BATCH) {
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

    /** Implements {@link dev.orb.ports.MarketStore#openingRanges}: candidates by rank, then the others by symbol. */
    public List<OpeningRangeRecord> openingRanges(LocalDate session) {
        Objects.requireNonNull(session, "session");
        return db.read("reading the opening ranges of " + session, h -> List.copyOf(h.createQuery("SELECT "
                        + RANGE_SELECT + " FROM opening_ranges WHERE session_date = :session ORDER BY " + rangeOrder())
                .bind("session", session)
                .map((rs, ctx) -> range(rs))
                .list()));
    }

    /** Implements {@link dev.orb.ports.query.AuditQueries#openingRangePage}. */
    public Page<OpeningRangeRecord> openingRangePage(LocalDate session, boolean candidatesOnly, PageRequest page) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(page, "page");
        return db.snapshot("reading the opening ranges of " + session, h -> {
            Paging query = new Paging().and("session_date = :session", "session", session);
            if (candidatesOnly) {
                query.and("candidate");
            }
            return query.page(h, "opening_ranges", RANGE_SELECT, rangeOrder(), page, (rs, ctx) -> range(rs));
        });
    }

    /**
     * Replaces the volumes of ({@code session}, {@code minutes}) and marks that session as stored, in one
     * transaction. Zero volumes are not stored: absent means 0.
     */
    public void saveOpeningRangeVolumes(LocalDate session, int minutes, Map<Symbol, Long> volumes) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(volumes, "volumes");
        requireMinutes(minutes);
        Map<Symbol, Long> copy = new LinkedHashMap<>();
        volumes.forEach((symbol, volume) -> {
            Objects.requireNonNull(symbol, "volumes contains a null symbol");
            if (volume == null || volume < 0) {
                throw new InvalidValueException("saveOpeningRangeVolumes: the volume of " + symbol + " on " + session
                        + " is " + volume + ", must be ≥ 0");
            }
            copy.put(symbol, volume);
        });
        db.update("saving " + copy.size() + " opening-range volumes of " + session, h -> {
            try (PreparedStatement mark = h.getConnection().prepareStatement(insertVolumeSession)) {
                Columns.setDate(mark, 1, session);
                mark.setInt(2, minutes);
                mark.executeUpdate();
            }
            h.createUpdate("DELETE FROM opening_range_volumes WHERE session_date = :session AND minutes = :minutes")
                    .bind("session", session).bind("minutes", minutes).execute();
            try (PreparedStatement ps = h.getConnection().prepareStatement(
                    "INSERT INTO opening_range_volumes (session_date, minutes, symbol, volume) VALUES (?, ?, ?, ?)")) {
                int pending = 0;
                for (Map.Entry<Symbol, Long> e : copy.entrySet()) {
                    if (e.getValue() == 0) {
                        continue;
                    }
                    Columns.setDate(ps, 1, session);
                    ps.setInt(2, minutes);
                    ps.setString(3, e.getKey().value());
                    ps.setLong(4, e.getValue());
                    ps.addBatch();
                    if (++pending == MarketDao.BATCH) {
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

    /** Implements {@link dev.orb.ports.MarketStore#openingRangeVolumes}. */
    public Map<Symbol, long[]> openingRangeVolumes(List<LocalDate> sessions, int minutes) {
        Objects.requireNonNull(sessions, "sessions");
        requireMinutes(minutes);
        Map<LocalDate, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < sessions.size(); i++) {
            positions.computeIfAbsent(Objects.requireNonNull(sessions.get(i), "sessions contains null"),
                    d -> new ArrayList<>()).add(i);
        }
        if (positions.isEmpty()) {
            return Map.of();
        }
        List<LocalDate> dates = new ArrayList<>(positions.keySet());
        String placeholders = String.join(", ", Collections.nCopies(dates.size(), "?"));
        // a whole market is 14 × 10,000 rows, read once a day at the scan: rows are keyed by the symbol's text and
        // a Symbol (a validated ticker) is made once per symbol, not once per row
        Map<String, long[]> bySymbol = new HashMap<>();
        db.read("reading opening-range volumes of " + dates.size() + " sessions", h -> {
            try (PreparedStatement ps = h.getConnection().prepareStatement("SELECT session_date, symbol, volume"
                    + " FROM opening_range_volumes WHERE minutes = ? AND session_date IN (" + placeholders + ")")) {
                ps.setInt(1, minutes);
                for (int i = 0; i < dates.size(); i++) {
                    Columns.setDate(ps, i + 2, dates.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long[] row = bySymbol.computeIfAbsent(rs.getString(2), s -> new long[sessions.size()]);
                        long volume = rs.getLong(3);
                        for (int i : positions.get(rs.getObject(1, LocalDate.class))) {
                            row[i] = volume;
                        }
                    }
                }
            }
            return null;
        });
        Map<Symbol, long[]> out = new HashMap<>(bySymbol.size() * 2);
        bySymbol.forEach((symbol, volumes) -> out.put(Symbol.of(symbol), volumes));
        return Collections.unmodifiableMap(out);
    }

    /** Implements {@link dev.orb.ports.MarketStore#openingRangeVolumeDates}, oldest first. */
    public List<LocalDate> openingRangeVolumeDates(LocalDate from, LocalDate to, int minutes) {
        requireMinutes(minutes);
        if (MarketDao.emptyRange(from, to)) {
            return List.of();
        }
        return db.read("reading opening-range volume dates " + from + ".." + to, h -> List.copyOf(h.createQuery(
                        "SELECT session_date FROM opening_range_volume_sessions WHERE minutes = :minutes"
                                + " AND session_date BETWEEN :from AND :to ORDER BY session_date")
                .bind("minutes", minutes).bind("from", from).bind("to", to)
                .map((rs, ctx) -> Columns.date(rs, "session_date"))
                .list()));
    }

    private String rangeOrder() {
        return "CASE WHEN rank = 0 THEN 1 ELSE 0 END, rank, " + db.dialect().bySymbol("symbol");
    }

    private static void requireMinutes(int minutes) {
        if (minutes < 1 || minutes > 390) {
            throw new InvalidValueException("opening-range minutes: " + minutes + " must be in 1..390");
        }
    }

    private static OpeningRangeRecord range(ResultSet rs) throws SQLException {
        OpeningRange range = new OpeningRange(Columns.symbol(rs, "symbol"), Columns.date(rs, "session_date"),
                rs.getInt("minutes"), Columns.price(rs, "open_price"), Columns.price(rs, "high_price"),
                Columns.price(rs, "low_price"), Columns.price(rs, "close_price"), rs.getLong("volume"));
        return new OpeningRangeRecord(range, Columns.rvol(rs, "rvol"), rs.getInt("rank"), Columns.price(rs, "entry_price"),
                Columns.price(rs, "stop_price"), rs.getBoolean("selected"), rs.getString("note"));
    }
}
