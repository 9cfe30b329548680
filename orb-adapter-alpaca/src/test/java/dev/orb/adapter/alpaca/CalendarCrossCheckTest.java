package dev.orb.adapter.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.orb.domain.TradingSession;
import dev.orb.ports.TradingCalendar;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The cross-check reports exactly the dates on which two calendars differ. */
class CalendarCrossCheckTest {
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);

    private static Map<LocalDate, TradingSession> weekdays(int days) {
        Map<LocalDate, TradingSession> m = new HashMap<>();
        for (int i = 0; i < days; i++) {
            LocalDate d = FROM.plusDays(i);
            if (d.getDayOfWeek().getValue() <= 5) {
                m.put(d, TradingSession.regular(d));
            }
        }
        return m;
    }

    @Property
    void aCalendarAgreesWithItself(@ForAll @IntRange(min = 1, max = 400) int days) {
        Map<LocalDate, TradingSession> m = weekdays(days);
        TradingCalendar cal = d -> Optional.ofNullable(m.get(d));

        assertThat(CalendarCrossCheck.compare(cal, cal, FROM, FROM.plusDays(days - 1))).isEmpty();
    }

    @Property
    void exactlyTheAlteredDatesAreReported(@ForAll @Size(max = 20) Set<@IntRange(min = 0, max = 99) Integer> altered) {
        Map<LocalDate, TradingSession> reference = weekdays(100);
        Map<LocalDate, TradingSession> candidate = new HashMap<>(reference);
        Set<LocalDate> expected = new TreeSet<>();
        for (int i : altered) {
            LocalDate d = FROM.plusDays(i);
            expected.add(d);
            if (candidate.containsKey(d) && i % 2 == 0) {
                candidate.put(d, TradingSession.of(d, LocalTime.of(9, 30), LocalTime.of(13, 0)));
            } else if (candidate.containsKey(d)) {
                candidate.remove(d);
            } else {
                candidate.put(d, TradingSession.regular(d));
            }
        }

        var mismatches = CalendarCrossCheck.compare(d -> Optional.ofNullable(reference.get(d)),
                d -> Optional.ofNullable(candidate.get(d)), FROM, FROM.plusDays(99));

        assertThat(mismatches).extracting(CalendarMismatch::date).containsExactlyElementsOf(expected);
    }
}
