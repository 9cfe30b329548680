package dev.orb.core.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.orb.domain.InvalidValueException;
import dev.orb.domain.MarketTime;
import dev.orb.domain.TradingSession;
import dev.orb.ports.TradingCalendar;

/**
 * The NYSE's regular sessions, computed by rule, behind the {@link TradingCalendar} port.
 *
 * <p>Every session opens at 09:30 America/New_York and closes at 16:00, or at 13:00 on the early-close days
 * (July 3 and December 24 when they are weekdays and not holidays themselves; the day after Thanksgiving).
 * Full-day holidays: New Year's Day, Martin Luther King Jr. Day, Washington's Birthday, Good Friday, Memorial
 * Day, Juneteenth (from 2022), Independence Day, Labor Day, Thanksgiving and Christmas. A holiday on a Saturday
 * is observed the Friday before and one on a Sunday the Monday after, except that a Saturday New Year's Day
 * is not observed at all.
 *
 * <p>The rules hold for {@value #FIRST_YEAR}–{@value #LAST_YEAR} (the exchange's rules before 2000 differ);
 * any date outside raises {@link InvalidValueException} naming the date. Closures the rules cannot know
 * (days of mourning, storms) are added with {@link #withClosures}; {@link #standard()} already holds the known
 * ones since 2000 and the exchange's few historical departures from the early-close rule.
 *
 * <p>Immutable and safe for concurrent use. Each year is computed on first use and cached, so
 * {@link #session(LocalDate)} is an array lookup afterwards.
 */
public final class NyseCalendar implements TradingCalendar {
    /** The first year this calendar covers. */
    public static final int FIRST_YEAR = 2000;
    /** The last year this calendar covers. */
    public static final int LAST_YEAR = 2099;

    private static final String UNSCHEDULED = "Unscheduled closure";

    /** Unscheduled full-day closures since 2000, as the exchange announced them. */
    private static final Map<LocalDate, String> KNOWN_CLOSURES = Map.of(
            LocalDate.of(2001, 9, 11), "September 11 attacks",
            LocalDate.of(2001, 9, 12), "September 11 attacks",
            LocalDate.of(2001, 9, 13), "September 11 attacks",
            LocalDate.of(2001, 9, 14), "September 11 attacks",
            LocalDate.of(2004, 6, 11), "National Day of Mourning for President Ronald Reagan",
            LocalDate.of(2007, 1, 2), "National Day of Mourning for President Gerald R. Ford",
            LocalDate.of(2012, 10, 29), "Hurricane Sandy",
            LocalDate.of(2012, 10, 30), "Hurricane Sandy",
            LocalDate.of(2018, 12, 5), "National Day of Mourning for President George H. W. Bush",
            LocalDate.of(2025, 1, 9), "National Day of Mourning for President Jimmy Carter");

    /**
     * Where the exchange departed from today's early-close rule. Until 2012, when July 4 fell on a Thursday
     * the early close was the Friday after, not the Wednesday before (2002); in 2003 the Friday after
     * Christmas also closed at 13:00.
     */
    private static final Map<LocalDate, LocalTime> KNOWN_CLOSE_EXCEPTIONS = Map.of(
            LocalDate.of(2002, 7, 3), MarketTime.REGULAR_CLOSE,
            LocalDate.of(2002, 7, 5), MarketTime.EARLY_CLOSE,
            LocalDate.of(2003, 12, 26), MarketTime.EARLY_CLOSE);

    private static final NyseCalendar STANDARD = new NyseCalendar(KNOWN_CLOSURES, KNOWN_CLOSE_EXCEPTIONS);

    private final Map<LocalDate, String> closures;
    private final Map<LocalDate, LocalTime> closes;
    private final AtomicReferenceArray<YearTable> years = new AtomicReferenceArray<>(LAST_YEAR - FIRST_YEAR + 1);

    private NyseCalendar(Map<LocalDate, String> closures, Map<LocalDate, LocalTime> closes) {
        this.closures = Map.copyOf(closures);
        this.closes = Map.copyOf(closes);
    }

    /** The NYSE calendar by rule, with the known unscheduled closures and early-close exceptions since 2000. */
    public static NyseCalendar standard() {
        return STANDARD;
    }

    /**
     * This calendar with the exchange also closed all day on each of {@code extra} (e.g. a national day of
     * mourning). A date that is already closed, or falls on a weekend, changes nothing.
     *
     * @throws InvalidValueException when a date is outside {@value #FIRST_YEAR}–{@value #LAST_YEAR}
     */
    public NyseCalendar withClosures(Collection<LocalDate> extra) {
        Objects.requireNonNull(extra, "extra");
        Map<LocalDate, String> merged = new TreeMap<>(closures);
        for (LocalDate d : extra) {
            Objects.requireNonNull(d, "extra contains null");
            checkYear(d.getYear(), "closure " + d);
            merged.putIfAbsent(d, UNSCHEDULED);
        }
        return new NyseCalendar(merged, closes);
    }

    /**
     * This calendar with the given close times, New York wall clock, replacing the rule's close on those dates.
     * A close of 16:00 turns a rule's early close back into a full day. A date on which the exchange is closed
     * stays closed: closures win over close times.
     *
     * @throws InvalidValueException when a date is outside the supported years, or a time is not after 09:30
     *                               and at most 16:00
     */
    public NyseCalendar withEarlyCloses(Map<LocalDate, LocalTime> extra) {
        Objects.requireNonNull(extra, "extra");
        Map<LocalDate, LocalTime> merged = new TreeMap<>(closes);
        extra.forEach((d, close) -> {
            Objects.requireNonNull(d, "extra contains a null date");
            Objects.requireNonNull(close, "extra contains a null close for " + d);
            checkYear(d.getYear(), "early close " + d);
            if (!close.isAfter(MarketTime.REGULAR_OPEN) || close.isAfter(MarketTime.REGULAR_CLOSE)) {
                throw new InvalidValueException("NyseCalendar.earlyClose: " + close + " on " + d
                        + " must be after " + MarketTime.REGULAR_OPEN + " and at most " + MarketTime.REGULAR_CLOSE);
            }
            merged.put(d, close);
        });
        return new NyseCalendar(closures, merged);
    }

    /**
     * The session on {@code date}; empty on weekends, holidays and closures.
     *
     * @throws InvalidValueException when {@code date} is outside {@value #FIRST_YEAR}–{@value #LAST_YEAR}
     */
    @Override
    public Optional<TradingSession> session(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return table(date.getYear(), date).byDay().get(date.getDayOfYear() - 1);
    }

    /**
     * The weekdays of {@code year} on which the exchange is closed all day, in date order: the observed holidays
     * (named as the exchange does, e.g. {@code "Christmas Day (observed)"}) and the closures of this calendar.
     *
     * @throws InvalidValueException when {@code year} is outside {@value #FIRST_YEAR}–{@value #LAST_YEAR}
     */
    public List<Holiday> holidays(int year) {
        return table(year, "year " + year).holidays();
    }

    private YearTable table(int year, Object what) {
        checkYear(year, what);
        int i = year - FIRST_YEAR;
        YearTable t = years.get(i);
        if (t == null) {
            // Two threads may both compute a year; the tables are equal and the first one published wins.
            YearTable fresh = compute(year);
            t = years.compareAndExchange(i, null, fresh);
            if (t == null) {
                t = fresh;
            }
        }
        return t;
    }

    private YearTable compute(int year) {
        Map<LocalDate, String> closed = new TreeMap<>(NyseRules.holidays(year));
        closures.forEach((d, name) -> {
            if (d.getYear() == year && NyseRules.isWeekday(d)) {
                closed.putIfAbsent(d, name);
            }
        });
        Set<LocalDate> early = NyseRules.earlyCloseCandidates(year);
        LocalDate first = LocalDate.of(year, 1, 1);
        List<Optional<TradingSession>> byDay = new ArrayList<>(first.lengthOfYear());
        for (LocalDate d = first; d.getYear() == year; d = d.plusDays(1)) {
            // Closed days win over early closes and close overrides alike.
            if (!NyseRules.isWeekday(d) || closed.containsKey(d)) {
                byDay.add(Optional.empty());
            } else {
                LocalTime close = closes.getOrDefault(d,
                        early.contains(d) ? MarketTime.EARLY_CLOSE : MarketTime.REGULAR_CLOSE);
                byDay.add(Optional.of(TradingSession.of(d, MarketTime.REGULAR_OPEN, close)));
            }
        }
        List<Holiday> holidays = new ArrayList<>(closed.size());
        closed.forEach((d, name) -> holidays.add(new Holiday(d, name)));
        return new YearTable(List.copyOf(byDay), List.copyOf(holidays));
    }

    private static void checkYear(int year, Object what) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidValueException("NyseCalendar: " + what + " is outside the supported years "
                    + FIRST_YEAR + "-" + LAST_YEAR);
        }
    }

    /** One year, precomputed: the session or empty for each day of the year, and its full-day closures. */
    private record YearTable(List<Optional<TradingSession>> byDay, List<Holiday> holidays) {
    }
}
