package dev.orb.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.orb.domain.DailyBar;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class ConsecutiveTailTest {
    private static final List<TradingSession> WINDOW = new WeekdayCalendar().sessionsBefore(LocalDate.of(2024, 3, 12),
            30);
    private static final ScriptedMarketData.Profile P = new ScriptedMarketData.Profile("10.00", "1.00", 1);

    /**
     * The tail is the longest run of window sessions, ending with the last one, on which the symbol has a bar —
     * whatever the order the bars come in.
     */
    @Property
    void tailIsTheLongestRunOfSessionsEndingWithTheLast(@ForAll @Size(30) List<Boolean> traded,
                                                         @ForAll boolean reversed) {
        List<DailyBar> bars = new ArrayList<>();
        for (int i = 0; i < WINDOW.size(); i++) {
            if (traded.get(i)) {
                bars.add(ScriptedMarketData.bar(Symbol.of("X"), WINDOW.get(i).date(), P));
            }
        }
        if (reversed) {
            java.util.Collections.reverse(bars);
        }

        List<DailyBar> tail = SyncRun.consecutiveTail(WINDOW, bars);

        int expected = 0;
        for (int i = WINDOW.size() - 1; i >= 0 && traded.get(i); i--) {
            expected++;
        }
        assertThat(tail).hasSize(expected);
        for (int k = 0; k < tail.size(); k++) {
            assertThat(tail.get(k).date()).isEqualTo(WINDOW.get(WINDOW.size() - expected + k).date());
        }
    }
}
