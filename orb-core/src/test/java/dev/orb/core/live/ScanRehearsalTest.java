package dev.orb.core.live;

import static dev.orb.core.live.LiveFixture.ny;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orb.core.config.OrbConfig;
import dev.orb.domain.DailyStats;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;

class ScanRehearsalTest {
    private static final LocalDate TUESDAY = LocalDate.of(2024, 3, 12);
    private static final TradingSession SESSION = LiveFixture.NYSE.session(TUESDAY).orElseThrow();

    private static List<DailyStats> universe(int n, LocalDate date) {
        List<DailyStats> universe = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            universe.add(new DailyStats(Symbol.of("S" + i), date, new BigDecimal("1.50"), new BigDecimal("3000000"),
                    Price.ofCents(1_000 + 37L * i)));
        }
        return universe;
    }

    @Test
    void aRehearsalDecidesAScanOfTheUniverse_andWouldPlaceEntries() {
        // a third rise, a third fall, a third are dojis; RVOL 0.5..2.0: the engine places entries among the top N
        // until the made-up $100,000 account's leverage cap refuses the rest
        assertThat(ScanRehearsal.run(SESSION, OrbConfig.defaults(), universe(90, TUESDAY), 2)).isBetween(1, 20);
        assertThat(ScanRehearsal.run(SESSION, OrbConfig.builder().openingRangeMinutes(15).scanTopN(3).build(),
                universe(10, TUESDAY), 1)).isBetween(1, 3);
    }

    @Test
    void noRehearsal_whenOff_orWithoutAUniverseForTheDay() {
        assertThat(ScanRehearsal.run(SESSION, OrbConfig.defaults(), universe(30, TUESDAY), 0)).isZero();
        assertThat(ScanRehearsal.run(SESSION, OrbConfig.defaults(), universe(30, TUESDAY.minusDays(1)), 3)).isZero();
        assertThat(ScanRehearsal.run(SESSION, OrbConfig.defaults(), List.of(), 3)).isZero();
    }

    /** The day with rehearsals and the day without give the same orders, signals, journal and events. */
    @Test
    void aRehearsingDay_tradesExactlyLikeOneThatDoesNot() {
        LiveFixture on = LiveFixture.at(TUESDAY, 9, 20).twoCandidates(TUESDAY);
        LiveFixture off = LiveFixture.at(TUESDAY, 9, 20, LiveConfig.builder().scanRehearsals(0).build())
                .twoCandidates(TUESDAY);
        assertThat(on.plan.live().scanRehearsals()).isEqualTo(LiveConfig.DEFAULT_SCAN_REHEARSALS).isPositive();
        for (LiveFixture f : List.of(on, off)) {
            TradingDay day = f.days().build(SESSION);
            day.start();
            f.clock.set(ny(TUESDAY, 9, 35, 20));
            day.scan();
            f.trade("AAA", "101.50");
            f.clock.set(ny(TUESDAY, 15, 55, 0));
            day.eod();
            day.close();
        }
        assertThat(on.market.submitCalls()).isEqualTo(off.market.submitCalls()).isNotEmpty();
        assertThat(on.storage.signals(TUESDAY)).isEqualTo(off.storage.signals(TUESDAY));
        assertThat(on.storage.openingRanges(TUESDAY)).isEqualTo(off.storage.openingRanges(TUESDAY));
        assertThat(on.storage.journal(TUESDAY)).isEqualTo(off.storage.journal(TUESDAY)).isNotEmpty();
        assertThat(on.events).isEqualTo(off.events);
        assertThat(on.alerts).isEqualTo(off.alerts);
    }
}
