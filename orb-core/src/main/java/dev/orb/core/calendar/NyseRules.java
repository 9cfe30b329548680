package dev.orb.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The NYSE's scheduled holidays and 13:00 early closes, by rule, as the exchange has applied them since 2000.
 * Stateless; every method is a pure function of the year.
 */
final class NyseRules {
    /** Juneteenth became an exchange holiday in 2022 (it was first a federal holiday in 2021, after the
     *  exchange's calendar for that year was fixed). */
    static final int FIRST_JUNETEENTH_YEAR = 2022;

    private NyseRules() {
    }

    /** The observed full-day holidays of {@code year}, by date, all on weekdays. */
    static Map<LocalDate, String> holidays(int year) {
        Map<LocalDate, String> out = new TreeMap<>();
        // A Saturday New Year's Day is not moved to Friday Dec 31: that would put the holiday in the
        // previous year, which the exchange's rules do not allow (2022, 2028).
        LocalDate newYear = LocalDate.of(year, Month.JANUARY, 1);
        if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
            addObserved(out, newYear, "New Year's Day");
        }
        out.put(nthWeekday(year, Month.JANUARY, 3, DayOfWeek.MONDAY), "Martin Luther King, Jr. Day");
        out.put(nthWeekday(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY), "Washington's Birthday");
        out.put(easterSunday(year).minusDays(2), "Good Friday");
        out.put(LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                "Memorial Day");
        if (year >= FIRST_JUNETEENTH_YEAR) {
            addObserved(out, LocalDate.of(year, Month.JUNE, 19), "Juneteenth National Independence Day");
        }
        addObserved(out, LocalDate.of(year, Month.JULY, 4), "Independence Day");
        out.put(nthWeekday(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY), "Labor Day");
        out.put(thanksgiving(year), "Thanksgiving Day");
        addObserved(out, LocalDate.of(year, Month.DECEMBER, 25), "Christmas Day");
        return out;
    }

    /**
     * The days of {@code year} that close at 13:00 when they trade: July 3, the day after Thanksgiving and
     * December 24. A candidate on a weekend or a holiday does not trade at all, and that wins (2026: July 3 is
     * the observed Independence Day; 2027: July 3 is a Saturday and December 24 the observed Christmas).
     */
    static Set<LocalDate> earlyCloseCandidates(int year) {
        return Set.of(LocalDate.of(year, Month.JULY, 3), thanksgiving(year).plusDays(1),
                LocalDate.of(year, Month.DECEMBER, 24));
    }

    /**
     * Western (Gregorian) Easter Sunday, by the anonymous Gregorian computus (Meeus/Jones/Butcher), valid for
     * every Gregorian year.
     */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    static boolean isWeekday(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    private static LocalDate thanksgiving(int year) {
        return nthWeekday(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY);
    }

    private static LocalDate nthWeekday(int year, Month month, int n, DayOfWeek dow) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }

    /** Saturday → the Friday before, Sunday → the Monday after; the name says when it was moved. */
    private static void addObserved(Map<LocalDate, String> out, LocalDate actual, String name) {
        switch (actual.getDayOfWeek()) {
            case SATURDAY -> out.put(actual.minusDays(1), name + " (observed)");
            case SUNDAY -> out.put(actual.plusDays(1), name + " (observed)");
            default -> out.put(actual, name);
        }
    }
}
