package dev.orb.adapter.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jdbi.v3.core.Handle;

import dev.orb.domain.JournalEntry;

/**
 * The engine's event journal. The sequence is the table's identity column, assigned in the order rows reach the
 * database, so an append that returns before another starts always has the smaller sequence. Sequences may have
 * gaps (a failed append consumes one) but never repeat, also after a crash.
 *
 * <p>Each {@link #append} is its own auto-commit statement: durable when it returns. Concurrent appends run in
 * parallel on separate connections and share the databases' own flushes (PostgreSQL's WAL group commit, H2's
 * chunk writes); a combining queue in front was measured and brought no gain (docs/performance.md, "Storage").
 * {@link #appendAll} writes many entries with one commit.
 */
public final class JournalDao {
    private static final String INSERT =
            "INSERT INTO journal (session_date, recorded_at, event_type, payload) VALUES (?, ?, ?, ?)";
    private static final String[] KEY = {"seq"};

    private final Database db;

    /** A DAO on {@code db}. */
    public JournalDao(Database db) {
        this.db = db;
    }

    /** Appends in auto-commit mode: durable once this returns. The entry's own sequence is ignored. */
    public JournalEntry append(JournalEntry entry) {
        Objects.requireNonNull(entry, "entry");
        long seq = db.autoCommit("appending " + describe(List.of(entry)) + " to the journal",
                h -> insert(h, List.of(entry)).get(0));
        return stored(entry, seq);
    }

    /**
     * Appends several entries in one transaction: all are stored, with increasing sequences in list order, or
     * none. Durable once this returns.
     */
    public List<JournalEntry> appendAll(List<JournalEntry> entries) {
        List<JournalEntry> copy = List.copyOf(entries);
        if (copy.isEmpty()) {
            return List.of();
        }
        List<Long> seqs = db.write("appending " + copy.size() + " entries to the journal", h -> insert(h, copy));
        List<JournalEntry> out = new ArrayList<>(copy.size());
        for (int i = 0; i < copy.size(); i++) {
            out.add(stored(copy.get(i), seqs.get(i)));
        }
        return List.copyOf(out);
    }

    /** Implements {@link dev.orb.ports.JournalStore#journal}: the session's entries in sequence order. */
    public List<JournalEntry> journal(LocalDate session) {
        Objects.requireNonNull(session, "session");
        return db.read("reading the journal of " + session, h -> List.copyOf(h.createQuery(
                        "SELECT seq, session_date, recorded_at, event_type, payload FROM journal"
                                + " WHERE session_date = :session ORDER BY seq")
                .bind("session", session)
                .map((rs, ctx) -> new JournalEntry(rs.getLong("seq"), Columns.date(rs, "session_date"),
                        Columns.instant(rs, "recorded_at"), rs.getString("event_type"), rs.getString("payload")))
                .list()));
    }

    /**
     * Inserts the entries in list order and returns their sequences in the same order. Rows of one statement
     * batch get increasing identities in execution order, so the returned keys, sorted, belong to the entries in
     * list order whatever order the driver reports them in.
     */
    private static List<Long> insert(Handle h, List<JournalEntry> entries) throws SQLException {
        List<Long> seqs = new ArrayList<>(entries.size());
        try (PreparedStatement ps = h.getConnection().prepareStatement(INSERT, KEY)) {
            for (JournalEntry e : entries) {
                Columns.setDate(ps, 1, e.session());
                Columns.setInstant(ps, 2, e.recordedAt());
                ps.setString(3, e.type());
                ps.setString(4, e.payload());
                if (entries.size() == 1) {
                    ps.executeUpdate();
                } else {
                    ps.addBatch();
                }
            }
            if (entries.size() > 1) {
                ps.executeBatch();
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                while (keys.next()) {
                    seqs.add(keys.getLong(1));
                }
            }
        }
        if (seqs.size() != entries.size()) {
            throw new SQLException("the database returned " + seqs.size() + " sequences for " + entries.size()
                    + " journal entries");
        }
        seqs.sort(null);
        return seqs;
    }

    private static String describe(List<JournalEntry> entries) {
        return entries.size() == 1 ? entries.get(0).type() + " of " + entries.get(0).session()
                : entries.size() + " entries";
    }

    private static JournalEntry stored(JournalEntry entry, long seq) {
        return new JournalEntry(seq, entry.session(), Columns.stored(entry.recordedAt()), entry.type(), entry.payload());
    }
}
