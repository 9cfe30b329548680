/**
 * The engine's event journal on the {@link dev.orb.ports.JournalStore} port: {@link dev.orb.core.journal.EventCodec}
 * turns every {@link dev.orb.core.session.EngineEvent} into text and back, exactly (decimals keep their scale,
 * prices their nano-dollars), and {@link dev.orb.core.journal.StoredJournal} is the
 * {@link dev.orb.core.session.SessionJournal} a live runner writes before each decision, so that a restarted
 * process rebuilds the session's state by re-feeding it.
 */
package dev.orb.core.journal;
