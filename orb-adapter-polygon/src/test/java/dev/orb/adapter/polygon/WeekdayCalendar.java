package dev.orb.adapter.polygon;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import dev.orb.domain.TradingSession;
import dev.orb.ports.TradingCalendar;

/** Weekdays 09:30–16:00 minus a listed set of holidays: enough calendar for the sync's tests. */
final class WeekdayCalendar implements TradingCalendar {
    private final Set<LocalDate> holidays;

    WeekdayCalendar(LocalDate... holidays) {
        this.holidays = Set.of(holidays);
    }

    @Override
    public Optional<TradingSession> session(LocalDate date) {
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY
                || holidays.contains(date)) {
            return Optional.empty();
        }
        return Optional.of(TradingSession.regular(date));
    }
}
