package dev.orb.adapter.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.orb.domain.TradingSession;
import dev.orb.ports.MarketDataException;
import dev.orb.ports.TradingCalendar;

/** Alpaca's calendar and clock, and the cross-check against another calendar. */
class AlpacaCalendarTest {
    private final AlpacaMock mock = new AlpacaMock();
    private final AlpacaBroker broker = mock.broker();

    @AfterEach
    void tearDown() {
        broker.close();
        mock.close();
    }

    /** July 2024 as Alpaca lists it: the 3rd closes at 13:00, the 4th is absent. */
    private static String july2024() {
        return "[{\"date\":\"2024-07-01\",\"open\":\"09:30\",\"close\":\"16:00\",\"session_open\":\"0400\","
                + "\"session_close\":\"2000\",\"settlement_date\":\"2024-07-03\"},"
                + "{\"date\":\"2024-07-02\",\"open\":\"09:30\",\"close\":\"16:00\"},"
                + "{\"date\":\"2024-07-03\",\"open\":\"09:30\",\"close\":\"13:00\"},"
                + "{\"date\":\"2024-07-05\",\"open\":\"09:30\",\"close\":\"16:00\"}]";
    }

    @Test
    void calendar_readsEarlyClosesAndHolidays_withOneRequestPerYear() {
        mock.enqueue(200, july2024());

        AlpacaCalendar cal = broker.calendar();

        assertThat(cal.session(LocalDate.of(2024, 7, 3))).get().satisfies(s -> {
            assertThat(s.isEarlyClose()).isTrue();
            assertThat(s.close().toLocalTime()).isEqualTo(LocalTime.of(13, 0));
        });
        assertThat(cal.isTradingDay(LocalDate.of(2024, 7, 4))).isFalse();
        assertThat(cal.nextSession(LocalDate.of(2024, 7, 3)).date()).isEqualTo(LocalDate.of(2024, 7, 5));
        assertThat(mock.server.getRequestCount()).isEqualTo(1);
        assertThat(mock.take().getPath()).isEqualTo("/v2/calendar?start=2024-01-01&end=2024-12-31");
    }

    @Test
    void yearWithoutSessions_isAnError_notAYearOfHolidays() {
        mock.enqueue(200, "[]");

        assertThatThrownBy(() -> broker.calendar().session(LocalDate.of(2035, 1, 2)))
                .isInstanceOf(MarketDataException.class).hasMessageContaining("2035");
    }

    @Test
    void clock_readsAlpacasAnswer() {
        mock.enqueue(200, "{\"timestamp\":\"2022-04-28T14:07:04.451420928-04:00\",\"is_open\":true,"
                + "\"next_open\":\"2022-04-29T09:30:00-04:00\",\"next_close\":\"2022-04-28T16:00:00-04:00\"}");

        MarketClock c = broker.calendar().clock();

        assertThat(c.open()).isTrue();
        assertThat(c.timestamp()).isEqualTo(Instant.parse("2022-04-28T18:07:04.451420928Z"));
        assertThat(c.nextOpen()).isEqualTo(Instant.parse("2022-04-29T13:30:00Z"));
        assertThat(c.nextClose()).isEqualTo(Instant.parse("2022-04-28T20:00:00Z"));
        assertThat(mock.take().getHeader("X-Test-Host")).isEqualTo("paper-api.alpaca.markets");
    }

    @Test
    void crossCheck_reportsEveryDateOnWhichTheCalendarsDisagree() {
        mock.enqueue(200, july2024());
        Map<LocalDate, TradingSession> ref = new HashMap<>();
        for (int d : new int[] {1, 2, 3, 4, 5}) {
            ref.put(LocalDate.of(2024, 7, d), TradingSession.regular(LocalDate.of(2024, 7, d)));
        }
        TradingCalendar reference = date -> Optional.ofNullable(ref.get(date));

        List<CalendarMismatch> mismatches = broker.calendar().crossCheck(reference, LocalDate.of(2024, 7, 1),
                LocalDate.of(2024, 7, 7));

        assertThat(mismatches).extracting(CalendarMismatch::describe).containsExactly(
                "2024-07-03: reference 09:30-16:00, candidate 09:30-13:00",
                "2024-07-04: reference 09:30-16:00, candidate closed");
    }
}
