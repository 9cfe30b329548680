package dev.orb.core.calendar;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.orb.domain.InvalidValueException;
import dev.orb.domain.MarketTime;
import dev.orb.domain.TradingSession;

/**
 * Example days of the NYSE calendar. The 2024–2028 lists are the exchange's published ones (NYSE Group press
 * releases of 2024-11-08 for 2025–2027 and 2025-12-23 for 2026–2028; 2024 from the release of 2023).
 */
class NyseCalendarTest {
    private final NyseCalendar nyse = NyseCalendar.standard();

    private List<LocalDate> holidayDates(int year) {
        return nyse.holidays(year).stream().map(Holiday::date).toList();
    }

    private List<LocalDate> earlyCloses(int year) {
        return nyse.sessions(of(year, 1, 1), of(year, 12, 31)).stream()
                .filter(TradingSession::isEarlyClose).map(TradingSession::date).toList();
    }

    @Test
    void holidays2024_areThePublishedOnes() {
        assertThat(holidayDates(2024)).containsExactly(of(2024, 1, 1), of(2024, 1, 15), of(2024, 2, 19),
                of(2024, 3, 29), of(2024, 5, 27), of(2024, 6, 19), of(2024, 7, 4), of(2024, 9, 2), of(2024, 11, 28),
                of(2024, 12, 25));
        assertThat(earlyCloses(2024)).containsExactly(of(2024, 7, 3), of(2024, 11, 29), of(2024, 12, 24));
    }

    @Test
    void holidays2025_areThePublishedOnesPlusTheCarterDayOfMourning() {
        assertThat(holidayDates(2025)).containsExactly(of(2025, 1, 1), of(2025, 1, 9), of(2025, 1, 20),
                of(2025, 2, 17), of(2025, 4, 18), of(2025, 5, 26), of(2025, 6, 19), of(2025, 7, 4), of(2025, 9, 1),
                of(2025, 11, 27), of(2025, 12, 25));
        assertThat(nyse.holidays(2025).get(1).name()).isEqualTo("National Day of Mourning for President Jimmy Carter");
        assertThat(earlyCloses(2025)).containsExactly(of(2025, 7, 3), of(2025, 11, 28), of(2025, 12, 24));
    }

    @Test
    void holidays2026_observeSaturdayJuly4OnFridayJuly3_withoutAJuly2EarlyClose() {
        assertThat(holidayDates(2026)).containsExactly(of(2026, 1, 1), of(2026, 1, 19), of(2026, 2, 16),
                of(2026, 4, 3), of(2026, 5, 25), of(2026, 6, 19), of(2026, 7, 3), of(2026, 9, 7), of(2026, 11, 26),
                of(2026, 12, 25));
        assertThat(nyse.holidays(2026)).contains(new Holiday(of(2026, 7, 3), "Independence Day (observed)"));
        assertThat(earlyCloses(2026)).containsExactly(of(2026, 11, 27), of(2026, 12, 24));
    }

    @Test
    void holidays2027_observeSaturdaysOnFridayAndSundaysOnMonday() {
        assertThat(holidayDates(2027)).containsExactly(of(2027, 1, 1), of(2027, 1, 18), of(2027, 2, 15),
                of(2027, 3, 26), of(2027, 5, 31), of(2027, 6, 18), of(2027, 7, 5), of(2027, 9, 6), of(2027, 11, 25),
                of(2027, 12, 24));
        assertThat(nyse.holidays(2027)).contains(
                new Holiday(of(2027, 6, 18), "Juneteenth National Independence Day (observed)"),
                new Holiday(of(2027, 7, 5), "Independence Day (observed)"),
                new Holiday(of(2027, 12, 24), "Christmas Day (observed)"));
        // July 3 is a Saturday and December 24 is the observed Christmas: only the day after Thanksgiving is short.
        assertThat(earlyCloses(2027)).containsExactly(of(2027, 11, 26));
    }

    @Test
    void holidays2028_haveNoNewYearHolidayForASaturdayJanuary1() {
        assertThat(holidayDates(2028)).containsExactly(of(2028, 1, 17), of(2028, 2, 21), of(2028, 4, 14),
                of(2028, 5, 29), of(2028, 6, 19), of(2028, 7, 4), of(2028, 9, 4), of(2028, 11, 23), of(2028, 12, 25));
        // December 24, 2028 is a Sunday.
        assertThat(earlyCloses(2028)).containsExactly(of(2028, 7, 3), of(2028, 11, 24));
    }

    @Test
    void saturdayNewYear_isNotObservedOnTheFridayBefore() {
        assertThat(nyse.session(of(2028, 1, 1))).isEmpty();
        assertThat(nyse.session(of(2027, 12, 31))).contains(TradingSession.regular(of(2027, 12, 31)));
        assertThat(nyse.session(of(2021, 12, 31))).contains(TradingSession.regular(of(2021, 12, 31)));
        assertThat(holidayDates(2022)).doesNotContain(of(2022, 1, 3)).first().isEqualTo(of(2022, 1, 17));
    }

    @Test
    void sundayNewYear_isObservedOnMonday() {
        assertThat(nyse.holidays(2023).get(0)).isEqualTo(new Holiday(of(2023, 1, 2), "New Year's Day (observed)"));
        assertThat(nyse.session(of(2023, 1, 2))).isEmpty();
    }

    @Test
    void juneteenth_isAHolidayOnlyFrom2022() {
        assertThat(nyse.session(of(2021, 6, 18))).isPresent(); // a Saturday June 19, not yet observed
        assertThat(nyse.session(of(2020, 6, 19))).isPresent();
        assertThat(nyse.session(of(2022, 6, 20))).isEmpty(); // Sunday June 19 observed on Monday
        assertThat(holidayDates(2021)).hasSize(9);
        assertThat(holidayDates(2022)).hasSize(9); // Juneteenth added, Saturday New Year lost
        assertThat(holidayDates(2023)).hasSize(10);
    }

    @Test
    void dstTransitionDays_openAtTheNewYorkWallClock() {
        TradingSession afterSpringForward = nyse.session(of(2024, 3, 11)).orElseThrow();
        assertThat(afterSpringForward.openInstant()).isEqualTo(Instant.parse("2024-03-11T13:30:00Z"));
        assertThat(afterSpringForward.closeInstant()).isEqualTo(Instant.parse("2024-03-11T20:00:00Z"));
        TradingSession afterFallBack = nyse.session(of(2024, 11, 4)).orElseThrow();
        assertThat(afterFallBack.openInstant()).isEqualTo(Instant.parse("2024-11-04T14:30:00Z"));
        assertThat(afterFallBack.closeInstant()).isEqualTo(Instant.parse("2024-11-04T21:00:00Z"));
        assertThat(nyse.session(of(2024, 3, 8)).orElseThrow().openInstant())
                .isEqualTo(Instant.parse("2024-03-08T14:30:00Z"));
    }

    @Test
    void earlyClose_isAt1300NewYork() {
        TradingSession dayAfterThanksgiving = nyse.session(of(2024, 11, 29)).orElseThrow();
        assertThat(dayAfterThanksgiving.close().toLocalTime()).isEqualTo(LocalTime.of(13, 0));
        assertThat(dayAfterThanksgiving.closeInstant()).isEqualTo(Instant.parse("2024-11-29T18:00:00Z"));
    }

    @ParameterizedTest(name = "{0} → next {1}")
    @CsvSource({
        "2024-08-30, 2024-09-03", // Labor Day weekend
        "2024-03-28, 2024-04-01", // Good Friday
        "2025-12-24, 2025-12-26", // Christmas
        "2026-07-02, 2026-07-06", // Friday July 3 observed
        "2027-12-23, 2027-12-27", // Friday December 24 observed
        "2001-09-10, 2001-09-17", // the week after September 11
        "2024-12-31, 2025-01-02",
        "2028-12-29, 2029-01-02",
    })
    void nextAndPreviousSession_skipLongWeekends(LocalDate from, LocalDate next) {
        assertThat(nyse.nextSession(from).date()).isEqualTo(next);
        assertThat(nyse.previousSession(next).date()).isEqualTo(from);
    }

    @Test
    void knownUnscheduledClosures_areClosed() {
        for (LocalDate d : List.of(of(2001, 9, 11), of(2001, 9, 12), of(2001, 9, 13), of(2001, 9, 14),
                of(2004, 6, 11), of(2007, 1, 2), of(2012, 10, 29), of(2012, 10, 30), of(2018, 12, 5),
                of(2025, 1, 9))) {
            assertThat(nyse.session(d)).as("%s", d).isEmpty();
            assertThat(holidayDates(d.getYear())).as("%s", d).contains(d);
        }
    }

    @Test
    void historicalEarlyCloseExceptions_followTheExchangeNotTheRule() {
        // Until 2012 a Thursday July 4 shortened the Friday after, not the Wednesday before.
        assertThat(nyse.session(of(2002, 7, 3))).contains(TradingSession.regular(of(2002, 7, 3)));
        assertThat(nyse.session(of(2002, 7, 5)).orElseThrow().isEarlyClose()).isTrue();
        assertThat(nyse.session(of(2003, 12, 26)).orElseThrow().isEarlyClose()).isTrue();
        assertThat(nyse.session(of(2013, 7, 3)).orElseThrow().isEarlyClose()).isTrue();
        assertThat(nyse.session(of(2013, 7, 5))).contains(TradingSession.regular(of(2013, 7, 5)));
        assertThat(nyse.session(of(2019, 7, 3)).orElseThrow().isEarlyClose()).isTrue();
    }

    @Test
    void datesOutside2000To2099_areRejectedNamingTheDate() {
        assertThatThrownBy(() -> nyse.session(of(1999, 12, 31)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("1999-12-31");
        assertThatThrownBy(() -> nyse.session(of(2100, 1, 1)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("2100-01-01");
        assertThatThrownBy(() -> nyse.holidays(2100))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("2100");
        assertThatThrownBy(() -> nyse.nextSession(of(2099, 12, 31)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("2100-01-01");
        assertThat(nyse.session(of(2000, 1, 3))).isPresent();
        assertThat(nyse.session(of(2099, 12, 31))).isPresent();
    }

    @Test
    void withClosures_closesTheDayAndListsIt_leavingTheOriginalUnchanged() {
        NyseCalendar storm = nyse.withClosures(List.of(of(2026, 3, 10), of(2026, 3, 14)));
        assertThat(storm.session(of(2026, 3, 10))).isEmpty();
        assertThat(storm.holidays(2026)).contains(new Holiday(of(2026, 3, 10), "Unscheduled closure"));
        // a Saturday closure changes nothing
        assertThat(storm.holidays(2026)).hasSize(nyse.holidays(2026).size() + 1);
        assertThat(storm.nextSession(of(2026, 3, 9)).date()).isEqualTo(of(2026, 3, 11));
        assertThat(nyse.session(of(2026, 3, 10))).isPresent();
        // known closures survive
        assertThat(storm.session(of(2025, 1, 9))).isEmpty();
    }

    @Test
    void withClosures_keepsTheHolidayNameOfAnAlreadyClosedDay() {
        NyseCalendar cal = nyse.withClosures(List.of(of(2026, 12, 25)));
        assertThat(cal.holidays(2026)).isEqualTo(nyse.holidays(2026));
    }

    @Test
    void withClosures_rejectsDatesOutsideTheRange() {
        assertThatThrownBy(() -> nyse.withClosures(List.of(of(1998, 1, 5))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("1998-01-05");
    }

    @Test
    void withEarlyCloses_addsAndOverridesCloses_butNeverOpensAClosedDay() {
        NyseCalendar cal = nyse.withEarlyCloses(Map.of(
                of(2026, 12, 31), MarketTime.EARLY_CLOSE,
                of(2024, 7, 3), MarketTime.REGULAR_CLOSE,
                of(2024, 12, 24), LocalTime.of(12, 0),
                of(2024, 12, 25), MarketTime.EARLY_CLOSE));
        assertThat(cal.session(of(2026, 12, 31)).orElseThrow().close().toLocalTime()).isEqualTo(LocalTime.of(13, 0));
        assertThat(cal.session(of(2024, 7, 3))).contains(TradingSession.regular(of(2024, 7, 3)));
        assertThat(cal.session(of(2024, 12, 24)).orElseThrow().close().toLocalTime()).isEqualTo(LocalTime.of(12, 0));
        assertThat(cal.session(of(2024, 12, 25))).isEmpty();
        assertThat(nyse.session(of(2026, 12, 31)).orElseThrow().isEarlyClose()).isFalse();
    }

    @Test
    void withEarlyCloses_rejectsClosesOutsideTheSession() {
        assertThatThrownBy(() -> nyse.withEarlyCloses(Map.of(of(2026, 12, 31), LocalTime.of(9, 30))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("09:30").hasMessageContaining("2026-12-31");
        assertThatThrownBy(() -> nyse.withEarlyCloses(Map.of(of(2026, 12, 31), LocalTime.of(16, 1))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("16:01");
        assertThatThrownBy(() -> nyse.withEarlyCloses(Map.of(of(2100, 1, 4), LocalTime.of(13, 0))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("2100-01-04");
    }

    @Test
    void sessionsPerYear_rangeFrom248In2001To253() {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int y = NyseCalendar.FIRST_YEAR; y <= NyseCalendar.LAST_YEAR; y++) {
            int n = nyse.sessions(of(y, 1, 1), of(y, 12, 31)).size();
            min = Math.min(min, n);
            max = Math.max(max, n);
        }
        assertThat(nyse.sessions(of(2001, 1, 1), of(2001, 12, 31))).hasSize(248);
        assertThat(min).isEqualTo(248);
        // 262 weekdays less 9 holidays, before Juneteenth (e.g. 2004 without its day of mourning: 2020)
        assertThat(max).isEqualTo(253);
        assertThat(nyse.sessions(of(2020, 1, 1), of(2020, 12, 31))).hasSize(253);
        assertThat(nyse.sessions(of(2024, 1, 1), of(2024, 12, 31))).hasSize(252);
        assertThat(nyse.sessions(of(2025, 1, 1), of(2025, 12, 31))).hasSize(250);
    }

    @ParameterizedTest
    @CsvSource({
        "2000, 2000-04-23", "2001, 2001-04-15", "2002, 2002-03-31", "2003, 2003-04-20", "2004, 2004-04-11",
        "2005, 2005-03-27", "2006, 2006-04-16", "2007, 2007-04-08", "2008, 2008-03-23", "2009, 2009-04-12",
        "2010, 2010-04-04", "2011, 2011-04-24", "2012, 2012-04-08", "2013, 2013-03-31", "2014, 2014-04-20",
        "2015, 2015-04-05", "2016, 2016-03-27", "2017, 2017-04-16", "2018, 2018-04-01", "2019, 2019-04-21",
        "2020, 2020-04-12", "2021, 2021-04-04", "2022, 2022-04-17", "2023, 2023-04-09", "2024, 2024-03-31",
        "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2028, 2028-04-16", "2029, 2029-04-01",
        "2030, 2030-04-21", "2038, 2038-04-25", "2049, 2049-04-18", "2077, 2077-04-11", "2099, 2099-04-12",
        "2285, 2285-03-22", "1583, 1583-04-10", "1761, 1761-03-22", "1818, 1818-03-22", "1886, 1886-04-25",
        "1943, 1943-04-25", "2100, 2100-03-28", "2200, 2200-04-06", "3000, 3000-04-13",
    })
    void easterSunday_matchesThePublishedTables_alsoOutsideTheCalendarsYears(int year, LocalDate easter) {
        assertThat(NyseRules.easterSunday(year)).isEqualTo(easter);
        if (year >= NyseCalendar.FIRST_YEAR && year <= NyseCalendar.LAST_YEAR) {
            assertThat(nyse.holidays(year)).contains(new Holiday(easter.minusDays(2), "Good Friday"));
        }
    }

    @Test
    void concurrentFirstUse_givesEveryThreadTheSameSessions() throws Exception {
        NyseCalendar fresh = nyse.withClosures(List.of());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Optional<TradingSession>>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    List<Optional<TradingSession>> out = new ArrayList<>();
                    for (LocalDate d = of(2020, 1, 1); d.isBefore(of(2030, 1, 1)); d = d.plusDays(1)) {
                        out.add(fresh.session(d));
                    }
                    return out;
                }));
            }
            List<Optional<TradingSession>> first = results.get(0).get(30, TimeUnit.SECONDS);
            for (Future<List<Optional<TradingSession>>> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(first);
            }
            // 2020…2029: 253+252+251+250+252+250+251+251+251+251 sessions
            assertThat(first.stream().filter(Optional::isPresent).count()).isEqualTo(2512);
        } finally {
            pool.shutdownNow();
        }
    }
}
