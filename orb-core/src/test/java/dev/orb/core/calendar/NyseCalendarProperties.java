package dev.orb.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import dev.orb.domain.MarketTime;
import dev.orb.domain.TradingSession;

/** Invariants of the NYSE calendar over random dates of 2000–2099. */
class NyseCalendarProperties {
    private static final NyseCalendar NYSE = NyseCalendar.standard();
    /** The exchange's historical early closes that today's rule would not give. */
    private static final Set<LocalDate> EXCEPTIONAL_EARLY_CLOSES = Set.of(
            LocalDate.of(2002, 7, 5), LocalDate.of(2003, 12, 26));

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs()
                .between(LocalDate.of(2000, 1, 1).toEpochDay(), LocalDate.of(2099, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    /** Dates far enough from the ends of the range that the neighbouring sessions are inside it. */
    @Provide
    Arbitrary<LocalDate> innerDates() {
        return Arbitraries.longs()
                .between(LocalDate.of(2000, 2, 1).toEpochDay(), LocalDate.of(2099, 11, 30).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Property
    void weekendsNeverTrade(@ForAll("dates") LocalDate date) {
        LocalDate saturday = date.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        if (saturday.getYear() <= NyseCalendar.LAST_YEAR) {
            assertThat(NYSE.session(saturday)).isEmpty();
        }
        LocalDate sunday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        if (sunday.getYear() >= NyseCalendar.FIRST_YEAR) {
            assertThat(NYSE.session(sunday)).isEmpty();
        }
    }

    @Property
    void everySessionOpensAt0930AndClosesAt1600Or1300OnAnEarlyCloseDay(@ForAll("dates") LocalDate date) {
        Optional<TradingSession> session = NYSE.session(date);
        if (session.isEmpty()) {
            return;
        }
        TradingSession s = session.get();
        assertThat(s.date()).isEqualTo(date);
        assertThat(s.open().toLocalTime()).isEqualTo(MarketTime.REGULAR_OPEN);
        LocalTime close = s.close().toLocalTime();
        assertThat(close).isIn(MarketTime.REGULAR_CLOSE, MarketTime.EARLY_CLOSE);
        if (close.equals(MarketTime.EARLY_CLOSE)) {
            boolean july3 = date.getMonth() == Month.JULY && date.getDayOfMonth() == 3;
            boolean dec24 = date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 24;
            boolean dayAfterThanksgiving = date.getMonth() == Month.NOVEMBER
                    && date.getDayOfWeek() == DayOfWeek.FRIDAY && date.getDayOfMonth() >= 23
                    && date.getDayOfMonth() <= 29;
            assertThat(july3 || dec24 || dayAfterThanksgiving || EXCEPTIONAL_EARLY_CLOSES.contains(date))
                    .as("early close on %s", date).isTrue();
        }
    }

    @Property
    void everyYearHasBetween248And254Sessions(@ForAll @IntRange(min = 2000, max = 2099) int year) {
        int n = NYSE.sessions(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).size();
        assertThat(n).isBetween(248, 254);
    }

    @Property
    void holidaysAreExactlyTheWeekdaysWithoutASession(@ForAll @IntRange(min = 2000, max = 2099) int year) {
        List<LocalDate> holidays = NYSE.holidays(year).stream().map(Holiday::date).toList();
        List<LocalDate> closedWeekdays = LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
                .filter(NyseRules::isWeekday)
                .filter(d -> NYSE.session(d).isEmpty())
                .toList();
        assertThat(holidays).isEqualTo(closedWeekdays);
        // nine rule holidays before Juneteenth, ten after; a Saturday New Year's Day takes one away
        int rules = (year >= 2022 ? 10 : 9)
                - (LocalDate.of(year, 1, 1).getDayOfWeek() == DayOfWeek.SATURDAY ? 1 : 0);
        assertThat(holidays.size()).isGreaterThanOrEqualTo(rules);
    }

    @Property
    void nextAndPreviousSessionAreTheNearestSessionsAndInverseOfEachOther(@ForAll("innerDates") LocalDate date) {
        TradingSession previous = NYSE.previousSession(date);
        TradingSession next = NYSE.nextSession(date);
        assertThat(previous.date()).isBefore(date);
        assertThat(next.date()).isAfter(date);
        assertThat(NYSE.sessions(previous.date().plusDays(1), date.minusDays(1))).isEmpty();
        assertThat(NYSE.sessions(date.plusDays(1), next.date().minusDays(1))).isEmpty();
        // stepping back then forward lands on date itself when it trades, else on the next session
        Optional<TradingSession> today = NYSE.session(date);
        assertThat(NYSE.nextSession(previous.date())).isEqualTo(today.orElse(next));
        assertThat(NYSE.previousSession(next.date())).isEqualTo(today.orElse(previous));
    }

    @Property
    void goodFridayIsAFridayBetweenMarch20AndApril23(@ForAll @IntRange(min = 2000, max = 2099) int year) {
        LocalDate goodFriday = NyseRules.easterSunday(year).minusDays(2);
        assertThat(goodFriday.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(goodFriday).isBetween(LocalDate.of(year, 3, 20), LocalDate.of(year, 4, 23));
        assertThat(NYSE.session(goodFriday)).isEmpty();
    }

    @Property
    void aListedCopyOfTheCalendarCrossChecksClean(@ForAll("innerDates") LocalDate from,
            @ForAll @IntRange(min = 0, max = 60) int days) {
        LocalDate last = LocalDate.of(NyseCalendar.LAST_YEAR, 12, 31);
        LocalDate to = from.plusDays(days).isAfter(last) ? last : from.plusDays(days);
        ListedCalendar copy = ListedCalendar.of(NYSE.sessions(from, to));
        assertThat(CalendarCrossCheck.compare(NYSE, copy, from, to)).isEmpty();
    }
}
