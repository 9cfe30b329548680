package dev.orb.ports;

import java.time.LocalDate;
import java.util.List;

import dev.orb.domain.JournalEntry;

/**
 * The engine's event journal: append-only, durable once {@link #append} returns. Safe for concurrent use.
 */
public interface JournalStore {
    /** Stores the entry durably and returns it with its assigned sequence (strictly increasing). */
    JournalEntry append(JournalEntry entry);

    /** Every entry of {@code session}, in sequence order. */
    List<JournalEntry> journal(LocalDate session);
}
