package dev.orb.adapter.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.orb.domain.InvalidValueException;
import dev.orb.domain.LogRecord;
import dev.orb.ports.query.LogFilter;
import dev.orb.ports.query.LogLevel;
import dev.orb.ports.query.Page;
import dev.orb.ports.query.PageRequest;

/**
 * Log lines for the dashboard. Search is a case-insensitive substring match ({@code ILIKE}) on both databases,
 * so H2 and PostgreSQL return the same lines; PostgreSQL answers it from a trigram index (migration V2), H2 scans.
 * Level, component and thread are cut to their column lengths; the message is kept whole; NUL characters
 * become U+FFFD.
 */
public final class LogDao {
    private static final String COLUMNS = "log_time, level, component, message, thread";
    private static final int LEVEL_LENGTH = 16;
    private static final int COMPONENT_LENGTH = 500;
    private static final int THREAD_LENGTH = 200;

    private final Database db;

    /** A DAO on {@code db}. */
    public LogDao(Database db) {
        this.db = db;
    }

    /** One transaction for the whole batch. */
    public void appendLogs(List<LogRecord> records) {
        Objects.requireNonNull(records, "records");
        List<LogRecord> copy = List.copyOf(records);
        if (copy.isEmpty()) {
            return;
        }
        db.update("appending " + copy.size() + " log lines", h -> {
            try (PreparedStatement ps = h.getConnection().prepareStatement("INSERT INTO logs (log_time, level,"
                    + " level_rank, component, message, thread) VALUES (?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (LogRecord r : copy) {
                    Columns.setInstant(ps, 1, r.time());
                    ps.setString(2, text(Columns.cut(r.level(), LEVEL_LENGTH)));
                    ps.setInt(3, rank(r.level()));
                    ps.setString(4, text(Columns.cut(r.component(), COMPONENT_LENGTH)));
                    ps.setString(5, text(r.message()));
                    ps.setString(6, text(Columns.cut(r.thread(), THREAD_LENGTH)));
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

    /** Implements {@link dev.orb.ports.LogStore#recentLogs}: newest first (time, then arrival). */
    public List<LogRecord> recentLogs(int limit) {
        if (limit < 0) {
            throw new InvalidValueException("recentLogs.limit: " + limit + " must not be negative");
        }
        if (limit == 0) {
            return List.of();
        }
        return db.read("reading recent logs", h -> List.copyOf(h.createQuery("SELECT " + COLUMNS
                        + " FROM logs ORDER BY log_time DESC, id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> log(rs))
                .list()));
    }

    /** Implements {@link dev.orb.ports.query.AuditQueries#logs}, counted and read in one snapshot. */
    public Page<LogRecord> logs(LogFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(page, "page");
        Paging query = new Paging();
        if (filter.minLevel() != null) {
            query.and("level_rank >= :min_rank", "min_rank", filter.minLevel().ordinal());
        }
        if (filter.component() != null) {
            query.and("(component = :component OR component LIKE :component_below ESCAPE '\\')", "component",
                    filter.component()).bind("component_below", likeEscape(filter.component()) + ".%");
        }
        if (filter.text() != null) {
            query.and("message ILIKE :text ESCAPE '\\'", "text", "%" + likeEscape(filter.text()) + "%");
        }
        if (filter.after() != null) {
            query.and("log_time > :after", "after", Columns.timestamp(filter.after()));
        }
        if (filter.before() != null) {
            query.and("log_time < :before", "before", Columns.timestamp(filter.before()));
        }
        return db.snapshot("searching logs", h -> query.page(h, "logs", COLUMNS, "log_time DESC, id DESC", page,
                (rs, ctx) -> log(rs)));
    }

    /** Implements {@link dev.orb.ports.query.StorageMaintenance#deleteLogsBefore}. */
    public int deleteLogsBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return db.write("deleting logs before " + cutoff, h -> h.createUpdate("DELETE FROM logs WHERE log_time < :cutoff")
                .bind("cutoff", Columns.timestamp(cutoff)).execute());
    }

    /**
     * PostgreSQL text cannot hold NUL characters; a log line may contain any bytes it was given, so NUL becomes
     * U+FFFD rather than failing the whole batch.
     */
    static String text(String value) {
        return value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', '\uFFFD');
    }

    /** The stored rank of a level name; names no logging backend uses count as INFO. */
    static int rank(String level) {
        return LogLevel.parse(level).orElse(LogLevel.INFO).ordinal();
    }

    /** {@code text} as a literal inside a LIKE pattern with escape character backslash. */
    static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static LogRecord log(ResultSet rs) throws SQLException {
        return new LogRecord(Columns.instant(rs, "log_time"), rs.getString("level"), rs.getString("component"),
                rs.getString("message"), rs.getString("thread"));
    }
}
