package dev.orb.core.calendar;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orb.domain.InvalidValueException;
import dev.orb.domain.MarketTime;
import dev.orb.domain.TradingSession;

class ListedCalendarTest {
    private final TradingSession friday = TradingSession.regular(of(2024, 8, 30));
    private final TradingSession tuesday = TradingSession.regular(of(2024, 9, 3));

    @Test
    void listedDatesTrade_andEveryOtherDateIsClosed() {
        ListedCalendar cal = ListedCalendar.of(List.of(tuesday, friday));
        assertThat(cal.session(of(2024, 8, 30))).contains(friday);
        assertThat(cal.session(of(2024, 9, 2))).isEmpty();
        assertThat(cal.nextSession(of(2024, 8, 30))).isEqualTo(tuesday);
        assertThat(cal.previousSession(of(2024, 9, 3))).isEqualTo(friday);
        assertThat(cal.sessions(of(2024, 8, 1), of(2024, 9, 30))).containsExactly(friday, tuesday);
    }

    @Test
    void twoSessionsOnOneDate_areRejectedNamingTheDate() {
        TradingSession early = TradingSession.of(of(2024, 8, 30), MarketTime.REGULAR_OPEN, MarketTime.EARLY_CLOSE);
        assertThatThrownBy(() -> ListedCalendar.of(List.of(friday, early)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("2024-08-30");
    }

    @Test
    void nextSessionBeyondTheList_fails() {
        ListedCalendar cal = ListedCalendar.of(List.of(friday));
        assertThatThrownBy(() -> cal.nextSession(of(2024, 8, 30))).isInstanceOf(InvalidValueException.class);
    }
}
