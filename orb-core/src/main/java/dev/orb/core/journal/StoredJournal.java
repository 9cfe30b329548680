package dev.orb.core.journal;

import java.util.List;
import java.util.Objects;

import dev.orb.core.session.EngineEvent;
import dev.orb.core.session.SessionJournal;
import dev.orb.domain.JournalEntry;
import dev.orb.domain.TradingSession;
import dev.orb.ports.JournalStore;
import dev.orb.ports.OrbClock;

/**
 * A {@link SessionJournal} on the {@link JournalStore} port: each event is stored, durably, before the engine decides
 * on it; events that queued up together are stored with one {@link JournalStore#appendAll}. Thread-safety is the
 * store's.
 */
public final class StoredJournal implements SessionJournal {
    private final JournalStore store;
    private final OrbClock clock;

    public StoredJournal(JournalStore store, OrbClock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void record(TradingSession session, EngineEvent event) {
        store.append(entry(session, event));
    }

    @Override
    public void recordAll(TradingSession session, List<EngineEvent> events) {
        if (events.size() == 1) {
            record(session, events.get(0));
        } else if (!events.isEmpty()) {
            store.appendAll(events.stream().map(e -> entry(session, e)).toList());
        }
    }

    private JournalEntry entry(TradingSession session, EngineEvent event) {
        return new JournalEntry(0, session.date(), clock.now(), EventCodec.type(event), EventCodec.encode(event));
    }

    @Override
    public List<EngineEvent> events(TradingSession session) {
        return store.journal(session.date()).stream().map(e -> EventCodec.decode(e.type(), e.payload())).toList();
    }
}
