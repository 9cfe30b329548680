package dev.orb.adapter.alpaca;

import java.time.LocalDate;
import java.util.Objects;

import dev.orb.domain.TradingSession;

/**
 * A date on which two calendars disagree.
 *
 * @param date      the date
 * @param reference the reference calendar's session, or null when it says closed
 * @param candidate the checked calendar's session, or null when it says closed
 */
public record CalendarMismatch(LocalDate date, TradingSession reference, TradingSession candidate) {
    public CalendarMismatch {
        Objects.requireNonNull(date, "date");
        if (reference == null && candidate == null) {
            throw new IllegalArgumentException("CalendarMismatch on " + date + ": both calendars closed is no mismatch");
        }
    }

    /** e.g. "2025-07-03: reference 09:30-13:00, candidate 09:30-16:00". */
    public String describe() {
        return date + ": reference " + hours(reference) + ", candidate " + hours(candidate);
    }

    private static String hours(TradingSession s) {
        return s == null ? "closed" : s.open().toLocalTime() + "-" + s.close().toLocalTime();
    }
}
