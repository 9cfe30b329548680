package dev.orb.core.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.orb.domain.InvalidValueException;
import dev.orb.domain.TradingSession;
import dev.orb.ports.TradingCalendar;

/**
 * A calendar made of explicitly listed sessions, e.g. the sessions a broker's calendar endpoint returned, for
 * cross-checking {@link NyseCalendar} and for tests. Every date not listed is closed.
 *
 * <p>Immutable and safe for concurrent use.
 */
public final class ListedCalendar implements TradingCalendar {
    private final Map<LocalDate, TradingSession> byDate;

    private ListedCalendar(Map<LocalDate, TradingSession> byDate) {
        this.byDate = Map.copyOf(byDate);
    }

    /**
     * A calendar holding exactly {@code sessions}, in any order.
     *
     * @throws InvalidValueException when two sessions share a date
     */
    public static ListedCalendar of(Collection<TradingSession> sessions) {
        Objects.requireNonNull(sessions, "sessions");
        Map<LocalDate, TradingSession> byDate = new HashMap<>(sessions.size() * 2);
        for (TradingSession s : sessions) {
            Objects.requireNonNull(s, "sessions contains null");
            TradingSession previous = byDate.putIfAbsent(s.date(), s);
            if (previous != null) {
                throw new InvalidValueException("ListedCalendar.sessions: two sessions on " + s.date()
                        + ": " + previous + " and " + s);
            }
        }
        return new ListedCalendar(byDate);
    }

    /** The listed session on {@code date}, or empty when none is listed. */
    @Override
    public Optional<TradingSession> session(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return Optional.ofNullable(byDate.get(date));
    }
}
