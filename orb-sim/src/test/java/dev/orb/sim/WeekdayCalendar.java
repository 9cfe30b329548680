package dev.orb.sim;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import dev.orb.domain.MarketTime;
import dev.orb.domain.TradingSession;
import dev.orb.ports.TradingCalendar;

/**
 * A tiny calendar for tests: every weekday trades 09:30–16:00 except the listed holidays; the listed early
 * closes end at 13:00. {@link #US_2024} lists the NYSE holidays and early closes of 2024.
 */
public record WeekdayCalendar(Set<LocalDate> holidays, Set<LocalDate> earlyCloses) implements TradingCalendar {
    /** NYSE 2024: holidays and 13:00 closes. */
    public static final WeekdayCalendar US_2024 = new WeekdayCalendar(
            Set.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 15), LocalDate.of(2024, 2, 19),
                    LocalDate.of(2024, 3, 29), LocalDate.of(2024, 5, 27), LocalDate.of(2024, 6, 19),
                    LocalDate.of(2024, 7, 4), LocalDate.of(2024, 9, 2), LocalDate.of(2024, 11, 28),
                    LocalDate.of(2024, 12, 25)),
            Set.of(LocalDate.of(2024, 7, 3), LocalDate.of(2024, 11, 29), LocalDate.of(2024, 12, 24)));

    public WeekdayCalendar {
        holidays = Set.copyOf(holidays);
        earlyCloses = Set.copyOf(earlyCloses);
    }

    @Override
    public Optional<TradingSession> session(LocalDate date) {
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY
                || holidays.contains(date)) {
            return Optional.empty();
        }
        return Optional.of(TradingSession.of(date, MarketTime.REGULAR_OPEN,
                earlyCloses.contains(date) ? MarketTime.EARLY_CLOSE : MarketTime.REGULAR_CLOSE));
    }
}
