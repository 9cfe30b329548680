package dev.orb.ports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.orb.domain.InvalidValueException;
import dev.orb.domain.TradingSession;

/**
 * The exchange calendar: which dates trade and when they open and close (holidays, early closes).
 * orb-core ships the NYSE calendar computed by rule; a broker's calendar can replace or cross-check it.
 *
 * <p>Implementations must be safe for concurrent use.
 */
public interface TradingCalendar {
    /** The session on {@code date}, or empty when the exchange is closed that day. */
    Optional<TradingSession> session(LocalDate date);

    default boolean isTradingDay(LocalDate date) {
        return session(date).isPresent();
    }

    /** The first session strictly after {@code date}. */
    default TradingSession nextSession(LocalDate date) {
        LocalDate d = date.plusDays(1);
        for (int i = 0; i < 31; i++, d = d.plusDays(1)) {
            Optional<TradingSession> s = session(d);
            if (s.isPresent()) {
                return s.get();
            }
        }
        throw new InvalidValueException("TradingCalendar: no session within 31 days after " + date);
    }

    /** The last session strictly before {@code date}. */
    default TradingSession previousSession(LocalDate date) {
        LocalDate d = date.minusDays(1);
        for (int i = 0; i < 31; i++, d = d.minusDays(1)) {
            Optional<TradingSession> s = session(d);
            if (s.isPresent()) {
                return s.get();
            }
        }
        throw new InvalidValueException("TradingCalendar: no session within 31 days before " + date);
    }

    /** The sessions in {@code [from, to]}, in order. */
    default List<TradingSession> sessions(LocalDate from, LocalDate to) {
        List<TradingSession> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            session(d).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** The {@code count} sessions strictly before {@code date}, oldest first. */
    default List<TradingSession> sessionsBefore(LocalDate date, int count) {
        List<TradingSession> out = new ArrayList<>();
        LocalDate d = date;
        while (out.size() < count) {
            TradingSession s = previousSession(d);
            out.add(0, s);
            d = s.date();
        }
        return List.copyOf(out);
    }
}
