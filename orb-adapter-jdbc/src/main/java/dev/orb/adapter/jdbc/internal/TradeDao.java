package dev.orb.adapter.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import dev.orb.domain.DailyMetrics;
import dev.orb.domain.Direction;
import dev.orb.domain.ExitReason;
import dev.orb.domain.TradeRecord;
import dev.orb.ports.query.Page;
import dev.orb.ports.query.PageRequest;
import dev.orb.ports.query.TradeFilter;
import dev.orb.ports.query.TradeStatus;

/** Trades (one per filled entry, keyed by its client order id) and the daily metrics recorded at EOD. */
public final class TradeDao {
    private static final List<String> TRADE_COLUMNS = List.of("entry_order_id", "session_date", "symbol", "direction",
            "shares", "entry_price", "stop_price", "fill_time", "fill_price", "exit_time", "exit_price", "exit_reason",
            "commission", "pnl");
    private static final String TRADE_SELECT = String.join(", ", TRADE_COLUMNS);
    private static final List<String> METRIC_COLUMNS = List.of("session_date", "start_equity", "end_equity", "pnl",
            "trades", "wins", "losses", "commission");

    private final Database db;
    private final String upsertTrade;
    private final String upsertMetrics;

    /** A DAO on {@code db}. */
    public TradeDao(Database db) {
        this.db = db;
        this.upsertTrade = db.dialect().upsert("trades", TRADE_COLUMNS, List.of("entry_order_id"));
        this.upsertMetrics = db.dialect().upsert("daily_metrics", METRIC_COLUMNS, List.of("session_date"));
    }

    /** Implements {@link dev.orb.ports.TradingStore#upsertTrade}, in auto-commit mode. */
    public void upsertTrade(TradeRecord t) {
        Objects.requireNonNull(t, "trade");
        db.autoCommitUpdate("saving the trade " + t.entryOrderId(), h -> {
            try (PreparedStatement ps = h.getConnection().prepareStatement(upsertTrade)) {
                ps.setString(1, t.entryOrderId().value());
                Columns.setDate(ps, 2, t.session());
                ps.setString(3, t.symbol().value());
                Columns.setEnum(ps, 4, t.direction());
                ps.setLong(5, t.shares());
                Columns.setPrice(ps, 6, t.entryPrice());
                Columns.setPrice(ps, 7, t.stopPrice());
                Columns.setInstant(ps, 8, t.fillTime());
                Columns.setDecimal(ps, 9, t.fillPrice());
                Columns.setInstant(ps, 10, t.exitTime());
                Columns.setDecimal(ps, 11, t.exitPrice());
                Columns.setEnum(ps, 12, t.exitReason());
                Columns.setDecimal(ps, 13, t.commission());
                Columns.setDecimal(ps, 14, t.pnl());
                ps.executeUpdate();
            }
        });
    }

    /** Implements {@link dev.orb.ports.TradingStore#trades}: by session, symbol, entry order id. */
    public List<TradeRecord> trades(LocalDate from, LocalDate to) {
        if (MarketDao.emptyRange(from, to)) {
            return List.of();
        }
        return db.read("reading trades " + from + ".." + to, h -> List.copyOf(h.createQuery("SELECT " + TRADE_SELECT
                        + " FROM trades WHERE session_date BETWEEN :from AND :to ORDER BY session_date, "
                        + db.dialect().bySymbol("symbol") + ", entry_order_id")
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> trade(rs))
                .list()));
    }

    /** Implements {@link dev.orb.ports.query.AuditQueries#trades}, counted and read in one snapshot. */
    public Page<TradeRecord> trades(TradeFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(page, "page");
        Paging query = new Paging();
        if (filter.symbol() != null) {
            query.and("symbol = :symbol", "symbol", filter.symbol().value());
        }
        if (filter.direction() != null) {
            query.and("direction = :direction", "direction", filter.direction().name());
        }
        if (filter.status() == TradeStatus.OPEN) {
            query.and("exit_time IS NULL");
        } else if (filter.status() == TradeStatus.CLOSED) {
            query.and("exit_time IS NOT NULL");
        }
        if (filter.from() != null) {
            query.and("session_date >= :from", "from", filter.from());
        }
        if (filter.to() != null) {
            query.and("session_date <= :to", "to", filter.to());
        }
        return db.snapshot("reading trades", h -> query.page(h, "trades", TRADE_SELECT,
                "session_date DESC, fill_time DESC, entry_order_id", page, (rs, ctx) -> trade(rs)));
    }

    /** Implements {@link dev.orb.ports.TradingStore#saveDailyMetrics}, in auto-commit mode. */
    public void saveDailyMetrics(DailyMetrics m) {
        Objects.requireNonNull(m, "metrics");
        db.autoCommitUpdate("saving the daily metrics of " + m.session(), h -> {
            try (PreparedStatement ps = h.getConnection().prepareStatement(upsertMetrics)) {
                Columns.setDate(ps, 1, m.session());
                ps.setBigDecimal(2, m.startEquity());
                ps.setBigDecimal(3, m.endEquity());
                ps.setBigDecimal(4, m.pnl());
                ps.setInt(5, m.trades());
                ps.setInt(6, m.wins());
                ps.setInt(7, m.losses());
                ps.setBigDecimal(8, m.commission());
                ps.executeUpdate();
            }
        });
    }

    /** Implements {@link dev.orb.ports.TradingStore#dailyMetrics}, oldest first. */
    public List<DailyMetrics> dailyMetrics(LocalDate from, LocalDate to) {
        if (MarketDao.emptyRange(from, to)) {
            return List.of();
        }
        return db.read("reading daily metrics " + from + ".." + to, h -> List.copyOf(h.createQuery("SELECT "
                        + String.join(", ", METRIC_COLUMNS)
                        + " FROM daily_metrics WHERE session_date BETWEEN :from AND :to ORDER BY session_date")
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new DailyMetrics(Columns.date(rs, "session_date"), rs.getBigDecimal("start_equity"),
                        rs.getBigDecimal("end_equity"), rs.getBigDecimal("pnl"), rs.getInt("trades"),
                        rs.getInt("wins"), rs.getInt("losses"), rs.getBigDecimal("commission")))
                .list()));
    }

    private static TradeRecord trade(ResultSet rs) throws SQLException {
        return new TradeRecord(Columns.clientOrderId(rs, "entry_order_id"), Columns.date(rs, "session_date"),
                Columns.symbol(rs, "symbol"), Columns.enumValue(rs, "direction", Direction.class), rs.getLong("shares"),
                Columns.price(rs, "entry_price"), Columns.price(rs, "stop_price"), Columns.instant(rs, "fill_time"),
                rs.getBigDecimal("fill_price"), Columns.instant(rs, "exit_time"), rs.getBigDecimal("exit_price"),
                Columns.enumValue(rs, "exit_reason", ExitReason.class), rs.getBigDecimal("commission"),
                rs.getBigDecimal("pnl"));
    }
}
