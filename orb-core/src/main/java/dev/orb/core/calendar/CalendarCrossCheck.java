package dev.orb.core.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.orb.domain.InvalidValueException;
import dev.orb.domain.TradingSession;
import dev.orb.ports.TradingCalendar;

/**
 * Compares two calendars day by day, e.g. the built-in {@link NyseCalendar} against the sessions a broker
 * publishes, so that a missing holiday or a differing close is found before it costs a trading day.
 *
 * <p>Stateless and thread-safe as far as the calendars compared are.
 */
public final class CalendarCrossCheck {
    private CalendarCrossCheck() {
    }

    /**
     * A date on which two calendars disagree: one trades and the other does not, or their open or close differ.
     *
     * @param date     the date
     * @param expected the session of the reference calendar, empty when it is closed
     * @param actual   the session of the calendar checked, empty when it is closed
     */
    public record Mismatch(LocalDate date, Optional<TradingSession> expected, Optional<TradingSession> actual) {
        /** Validates that the fields are non-null and that the two sides really differ. */
        public Mismatch {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(actual, "actual");
            if (expected.equals(actual)) {
                throw new InvalidValueException("Mismatch: expected and actual are equal on " + date + ": " + actual);
            }
        }
    }

    /**
     * Every date in {@code [from, to]} on which the two calendars' sessions differ (in open, close or existence),
     * in date order; empty when they agree.
     *
     * @throws InvalidValueException when {@code to} is before {@code from}, or a calendar rejects a date
     */
    public static List<Mismatch> compare(TradingCalendar expected, TradingCalendar actual, LocalDate from,
            LocalDate to) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidValueException("CalendarCrossCheck.to: " + to + " is before from " + from);
        }
        List<Mismatch> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Optional<TradingSession> e = expected.session(d);
            Optional<TradingSession> a = actual.session(d);
            // Sessions are normalised to New York in their constructor, so equals compares the instants and
            // wall-clock times alike.
            if (!e.equals(a)) {
                out.add(new Mismatch(d, e, a));
            }
        }
        return List.copyOf(out);
    }
}
