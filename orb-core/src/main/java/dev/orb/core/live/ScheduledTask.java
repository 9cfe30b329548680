package dev.orb.core.live;

import java.time.Instant;
import java.util.Objects;

import dev.orb.domain.TradingSession;

/**
 * One task of a day's plan.
 *
 * @param kind    what to do
 * @param session the session it belongs to (the nightly sync belongs to the session that just closed)
 * @param at      when it is due
 */
public record ScheduledTask(TaskKind kind, TradingSession session, Instant at) {
    public ScheduledTask {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String toString() {
        return kind + " " + session.date() + " at " + at.atZone(session.open().getZone()).toLocalTime();
    }
}
