package dev.orb.adapter.alpaca;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.orb.domain.TradingSession;
import dev.orb.ports.TradingCalendar;

/**
 * Compares two exchange calendars day by day: whether each date trades, and its open and close times.
 * Used to check the built-in NYSE calendar against Alpaca's before trading (a mismatch should raise an alert).
 */
public final class CalendarCrossCheck {
    /** Longest range compared in one call, to keep a typo from iterating for ever. */
    public static final int MAX_DAYS = 366 * 20;

    private CalendarCrossCheck() {
    }

    /**
     * The dates in {@code [from, to]} on which {@code reference} and {@code candidate} disagree, in date order;
     * empty when they agree. Both calendars are queried for every date; their failures propagate.
     *
     * @throws IllegalArgumentException if {@code from} is after {@code to} or the range exceeds {@link #MAX_DAYS}
     */
    public static List<CalendarMismatch> compare(TradingCalendar reference, TradingCalendar candidate, LocalDate from,
                                                 LocalDate to) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(candidate, "candidate");
        if (from.isAfter(to) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("CalendarCrossCheck: range " + from + " to " + to
                    + " must be ordered and at most " + MAX_DAYS + " days");
        }
        List<CalendarMismatch> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Optional<TradingSession> r = reference.session(d);
            Optional<TradingSession> c = candidate.session(d);
            if (!sameHours(r, c)) {
                out.add(new CalendarMismatch(d, r.orElse(null), c.orElse(null)));
            }
        }
        return List.copyOf(out);
    }

    private static boolean sameHours(Optional<TradingSession> a, Optional<TradingSession> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() == b.isEmpty();
        }
        return a.get().openInstant().equals(b.get().openInstant())
                && a.get().closeInstant().equals(b.get().closeInstant());
    }
}
