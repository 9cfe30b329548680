package dev.orb.core.calendar;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.orb.core.calendar.CalendarCrossCheck.Mismatch;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.TradingSession;

class CalendarCrossCheckTest {
    private final NyseCalendar nyse = NyseCalendar.standard();
    private final LocalDate from = of(2024, 1, 1);
    private final LocalDate to = of(2024, 12, 31);

    @Test
    void brokerCalendarThatAgrees_givesNoMismatch() {
        ListedCalendar broker = ListedCalendar.of(nyse.sessions(from, to));
        assertThat(CalendarCrossCheck.compare(nyse, broker, from, to)).isEmpty();
    }

    @Test
    void brokerMissingAHolidayAndAnEarlyClose_givesBothDaysInOrder() {
        List<TradingSession> sessions = new ArrayList<>(nyse.sessions(from, to));
        sessions.removeIf(s -> s.date().equals(of(2024, 11, 29)));
        sessions.add(TradingSession.regular(of(2024, 11, 29))); // broker forgot the 13:00 close
        sessions.add(TradingSession.regular(of(2024, 6, 19))); // broker trades on Juneteenth
        ListedCalendar broker = ListedCalendar.of(sessions);

        List<Mismatch> mismatches = CalendarCrossCheck.compare(nyse, broker, from, to);

        assertThat(mismatches).containsExactly(
                new Mismatch(of(2024, 6, 19), Optional.empty(), Optional.of(TradingSession.regular(of(2024, 6, 19)))),
                new Mismatch(of(2024, 11, 29), nyse.session(of(2024, 11, 29)),
                        Optional.of(TradingSession.regular(of(2024, 11, 29)))));
    }

    @Test
    void calendarWithoutAnUnscheduledClosure_isReportedOnThatDay() {
        ListedCalendar broker = ListedCalendar.of(nyse.sessions(from, to));
        NyseCalendar withStorm = nyse.withClosures(List.of(of(2024, 2, 13)));

        assertThat(CalendarCrossCheck.compare(withStorm, broker, from, to))
                .extracting(Mismatch::date, Mismatch::expected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(of(2024, 2, 13), Optional.empty()));
    }

    @Test
    void toBeforeFrom_isRejected() {
        assertThatThrownBy(() -> CalendarCrossCheck.compare(nyse, nyse, to, from))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("2024-01-01");
    }

    @Test
    void mismatchOfEqualSessions_isRejected() {
        Optional<TradingSession> s = Optional.of(TradingSession.regular(of(2024, 6, 18)));
        assertThatThrownBy(() -> new Mismatch(of(2024, 6, 18), s, s))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("2024-06-18");
    }
}
