package dev.orb.adapter.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jdbi.v3.core.Handle;

import dev.orb.adapter.jdbc.StorageException;
import dev.orb.domain.JournalEntry;

/**
 * The engine's event journal, with group commit.
 *
 * <p>The sequence is the table's identity column, assigned in the order rows reach the database. Concurrent
 * {@link #append} calls are combined: one caller (the leader) writes every entry waiting at that moment in one
 * transaction, in arrival order, while the others wait for that commit; each call returns only after the
 * transaction holding its entry committed, so "durable once it returns" holds for every caller while one commit
 * serves many. An append that returns before another starts therefore always has the smaller sequence.
 * Sequences may have gaps (a failed append consumes one) but never repeat, also after a crash.
 */
public final class JournalDao {
    private static final String INSERT =
            "INSERT INTO journal (session_date, recorded_at, event_type, payload) VALUES (?, ?, ?, ?)";
    private static final String[] KEY = {"seq"};

    private final Database db;
    private final Object lock = new Object();
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private boolean writing;

    public JournalDao(Database db) {
        this.db = db;
    }

    /** Appends durably (see the class comment for how concurrent calls share commits). */
    public JournalEntry append(JournalEntry entry) {
        Objects.requireNonNull(entry, "entry");
        Pending mine = new Pending(entry);
        List<Pending> batch;
        boolean interrupted = false;
        synchronized (lock) {
            waiting.add(mine);
            while (!mine.done && writing) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    // Our entry may already be on its way into a commit: wait for the outcome, then re-interrupt.
                    interrupted = true;
                }
            }
            if (mine.done) {
                return mine.result(interrupted);
            }
            writing = true;
            batch = new ArrayList<>(waiting);
            waiting.clear();
        }
        try {
            write(batch);
        } finally {
            synchronized (lock) {
                writing = false;
                lock.notifyAll();
            }
        }
        return mine.result(interrupted);
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

    /** Writes a leader's batch; when the whole batch fails, retries entry by entry so only bad entries fail. */
    private void write(List<Pending> batch) {
        List<JournalEntry> entries = batch.stream().map(p -> p.entry).toList();
        try {
            List<Long> seqs = db.write("appending " + describe(entries) + " to the journal", h -> insert(h, entries));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).succeed(seqs.get(i));
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).fail(e);
                return;
            }
            for (Pending p : batch) {
                try {
                    p.succeed(db.write("appending " + describe(List.of(p.entry)) + " to the journal",
                            h -> insert(h, List.of(p.entry))).get(0));
                } catch (RuntimeException single) {
                    p.fail(single);
                }
            }
        } finally {
            synchronized (lock) {
                for (Pending p : batch) {
                    if (!p.done) {
                        p.fail(new IllegalStateException("journal append was neither stored nor failed"));
                    }
                }
            }
        }
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

    /** One caller's entry waiting for a commit; guarded by {@code lock}. */
    private final class Pending {
        final JournalEntry entry;
        boolean done;
        long seq;
        RuntimeException failure;

        Pending(JournalEntry entry) {
            this.entry = entry;
        }

        void succeed(long sequence) {
            synchronized (lock) {
                seq = sequence;
                done = true;
            }
        }

        void fail(RuntimeException e) {
            synchronized (lock) {
                failure = e;
                done = true;
            }
        }

        JournalEntry result(boolean interrupted) {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            synchronized (lock) {
                if (failure instanceof StorageException se) {
                    // Rethrown with this caller's stack; the leader's is the cause.
                    throw new StorageException(se.getMessage(), se.sqlState(), se);
                }
                if (failure != null) {
                    throw failure;
                }
                return stored(entry, seq);
            }
        }
    }
}
