package dev.orb.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One engine event in the journal, in the order the engine saw it. Replaying a session's entries through
 * the engine rebuilds its state.
 *
 * @param sequence   position in the journal, assigned by storage (≥ 1); 0 before it is stored
 * @param session    the session the event belongs to
 * @param recordedAt when the event was journaled
 * @param type       the event's type name
 * @param payload    the event, encoded by the engine's codec
 */
public record JournalEntry(long sequence, LocalDate session, Instant recordedAt, String type, String payload) {
    public JournalEntry {
        Require.nonNegative(sequence, "JournalEntry.sequence");
        Require.nonNull(session, "JournalEntry.session");
        Require.nonNull(recordedAt, "JournalEntry.recordedAt");
        Require.nonNull(type, "JournalEntry.type");
        if (!(!type.isBlank())) {
            throw new InvalidValueException("JournalEntry.type: must not be blank");
        }
        Require.nonNull(payload, "JournalEntry.payload");
    }

    public JournalEntry withSequence(long newSequence) {
        return new JournalEntry(newSequence, session, recordedAt, type, payload);
    }
}
