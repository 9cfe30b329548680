package dev.orb.ports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.orb.domain.JournalEntry;

/**
 * The engine's event journal: append-only, durable once {@link #append} or {@link #appendAll} returns. Safe for
 * concurrent use.
 */
public interface JournalStore {
    /** Stores the entry durably and returns it with its assigned sequence (strictly increasing). */
    JournalEntry append(JournalEntry entry);

    /**
     * Stores several entries durably, in list order, and returns them with their assigned sequences (strictly
     * increasing in list order; another caller's entries may fall between them). A store backed by a database
     * writes them in one transaction — one commit for the whole list — and stores all of them or none.
     *
     * <p>The default appends them one at a time with {@link #append}: durable and ordered, but a failure part-way
     * leaves the entries before it stored. Fakes and stores that cannot fail part-way may keep it.
     *
     * @param entries the entries in the order they happened; their own sequences are ignored. An empty list stores
     *                nothing.
     * @return the stored entries, in the order given
     */
    default List<JournalEntry> appendAll(List<JournalEntry> entries) {
        List<JournalEntry> stored = new ArrayList<>(entries.size());
        for (JournalEntry entry : entries) {
            stored.add(append(entry));
        }
        return List.copyOf(stored);
    }

    /** Every entry of {@code session}, in sequence order. */
    List<JournalEntry> journal(LocalDate session);
}
