package dev.orb.core.sync;

import static dev.orb.core.sync.NightlySyncTest.GOOD;
import static dev.orb.core.sync.NightlySyncTest.TARGET;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import dev.orb.core.config.OrbConfig;
import dev.orb.domain.MarketTime;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;
import org.junit.jupiter.api.Test;

/** The RVOL history phase of {@link NightlySync}: 14 sessions of opening-range volumes of the universe. */
class OpeningVolumeBackfillTest {
    static final int MINUTES = 5;

    final ManualClock clock = new ManualClock(ZonedDateTime.of(2024, 3, 11, 20, 0, 0, 0, MarketTime.NEW_YORK)
            .toInstant());
    final WeekdayCalendar calendar = new WeekdayCalendar(NightlySyncTest.PRESIDENTS_DAY);
    final InMemoryMarketStore store = new InMemoryMarketStore();
    final ScriptedMarketData market = new ScriptedMarketData(clock, Duration.ofSeconds(12));
    final List<TradingSession> lookback = calendar.sessionsBefore(TARGET, 14);

    NightlySync.Builder sync() {
        return NightlySync.builder(market, store, calendar, clock).intradayFetch(IntradayFetch.SPAN, 2);
    }

    void universeOf(String... symbols) {
        for (String s : symbols) {
            market.with(s, GOOD);
        }
    }

    @Test
    void firstNight_spansThe14SessionsInOneCallPerBatch_andStoresEachSessionsWindowVolume() {
        universeOf("AAA", "BBB", "CCC");

        SyncReport report = sync().build().run();

        assertThat(report.completed()).isTrue();
        // Three symbols in batches of two: two calls, each from the first session's open to the last one's 09:35.
        assertThat(market.intradayCalls).hasSize(2);
        ScriptedMarketData.IntradayCall call = market.intradayCalls.get(0);
        assertThat(call.symbols()).extracting(Symbol::value).containsExactly("AAA", "BBB");
        assertThat(call.from()).isEqualTo(lookback.get(0).openInstant());
        assertThat(call.to()).isEqualTo(lookback.get(13).openInstant().plusSeconds(300));
        assertThat(store.openingRangeVolumeDates(lookback.get(0).date(), lookback.get(13).date(), MINUTES))
                .hasSize(14);
        for (TradingSession s : lookback) {
            for (String name : List.of("AAA", "BBB", "CCC")) {
                Symbol symbol = Symbol.of(name);
                assertThat(store.volume(s.date(), MINUTES, symbol))
                        .as("%s %s", name, s.date())
                        .isEqualTo(ScriptedMarketData.orVolume(symbol, s.date(), MINUTES));
            }
        }
        assertThat(report.openingVolumes()).isEqualTo(new SyncReport.OpeningVolumes(14, 0, 14, 0, 2, 0));
        assertThat(report.requestsMade()).isEqualTo(30 + 2);
    }

    @Test
    void nextNight_fetchesTheNewSessionForKnownSymbols_andAllSessionsForANewcomer_keepingStoredVolumes() {
        universeOf("AAA", "BBB");
        // NEW lacks one of the 15 sessions the ATR needs tonight, but not tomorrow night: it joins the universe then.
        List<TradingSession> window = calendar.sessionsBefore(TARGET, 30);
        market.with("NEW", GOOD).notTradingOn("NEW", window.get(15).date());
        sync().build().run();
        assertThat(store.universe(TARGET)).extracting(s -> s.symbol().value()).containsExactly("AAA", "BBB");
        long storedAaa = store.volume(lookback.get(0).date(), MINUTES, Symbol.of("AAA"));
        market.intradayCalls.clear();
        clock.set(ZonedDateTime.of(2024, 3, 12, 20, 0, 0, 0, MarketTime.NEW_YORK).toInstant());
        LocalDate wednesday = LocalDate.of(2024, 3, 13);
        List<TradingSession> next = calendar.sessionsBefore(wednesday, 14);

        SyncReport report = sync().build().run();

        assertThat(report.session()).isEqualTo(wednesday);
        assertThat(store.universe(wednesday)).extracting(s -> s.symbol().value()).containsExactly("AAA", "BBB", "NEW");
        // NEW was not in Tuesday's universe: the stored sessions have no volume of it.
        assertThat(market.intradayCalls).hasSize(2);
        assertThat(market.intradayCalls.get(0).symbols()).extracting(Symbol::value).containsExactly("AAA", "BBB");
        assertThat(market.intradayCalls.get(0).from()).isEqualTo(next.get(13).openInstant());
        assertThat(market.intradayCalls.get(1).symbols()).extracting(Symbol::value).containsExactly("NEW");
        assertThat(market.intradayCalls.get(1).from()).isEqualTo(next.get(0).openInstant());
        for (TradingSession s : next) {
            assertThat(store.volume(s.date(), MINUTES, Symbol.of("NEW")))
                    .isEqualTo(ScriptedMarketData.orVolume(Symbol.of("NEW"), s.date(), MINUTES));
            assertThat(store.volume(s.date(), MINUTES, Symbol.of("AAA")))
                    .isEqualTo(ScriptedMarketData.orVolume(Symbol.of("AAA"), s.date(), MINUTES));
        }
        assertThat(store.volume(lookback.get(0).date(), MINUTES, Symbol.of("AAA"))).isEqualTo(storedAaa);
        assertThat(report.openingVolumes()).isEqualTo(new SyncReport.OpeningVolumes(14, 13, 14, 13, 2, 0));
    }

    @Test
    void windowsShape_asksEachSessionsWindowOnly() {
        universeOf("AAA", "BBB", "CCC");

        sync().intradayFetch(IntradayFetch.WINDOWS, 100).build().run();

        assertThat(market.intradayCalls).hasSize(14);
        for (int i = 0; i < 14; i++) {
            Instant open = lookback.get(i).openInstant();
            assertThat(market.intradayCalls.get(i)).isEqualTo(new ScriptedMarketData.IntradayCall(
                    List.of(Symbol.of("AAA"), Symbol.of("BBB"), Symbol.of("CCC")), open, open.plusSeconds(300)));
        }
        assertThat(store.volume(lookback.get(5).date(), MINUTES, Symbol.of("BBB")))
                .isEqualTo(ScriptedMarketData.orVolume(Symbol.of("BBB"), lookback.get(5).date(), MINUTES));
    }

    @Test
    void longerOpeningRange_sumsItsOwnWindow_andIsStoredUnderItsLength() {
        universeOf("AAA");
        OrbConfig fifteen = OrbConfig.builder().openingRangeMinutes(15).build();

        sync().config(fifteen).build().run();

        LocalDate d = lookback.get(7).date();
        // The scripted market has minute bars 09:30..09:39 only: a 15-minute window sums ten of them.
        assertThat(store.volume(d, 15, Symbol.of("AAA"))).isEqualTo(ScriptedMarketData.orVolume(Symbol.of("AAA"), d,
                10));
        assertThat(store.openingRangeVolumeDates(d, d, MINUTES)).isEmpty();
    }

    @Test
    void aFailedCall_savesNothing_soTheRerunAsksAgain() {
        universeOf("AAA", "BBB", "CCC");
        market.failIntraday = true;

        SyncReport failed = sync().build().run();

        assertThat(failed.completed()).isFalse();
        assertThat(failed.failure()).get().asString().contains("opening-range bars").contains("scripted");
        assertThat(store.volumeSaves).isZero();
        assertThat(store.universe(TARGET)).hasSize(3);

        market.failIntraday = false;
        market.intradayCalls.clear();
        market.dailyCalls.clear();
        SyncReport rerun = sync().build().run();

        assertThat(rerun.completed()).isTrue();
        assertThat(market.dailyCalls).isEmpty();
        assertThat(market.intradayCalls).hasSize(2);
        assertThat(store.volumeSaves).isEqualTo(14);
    }

    @Test
    void everythingStoredAndNoNewSymbols_makesNoCall() {
        universeOf("AAA");
        sync().build().run();
        market.intradayCalls.clear();

        SyncReport again = sync().build().run();

        assertThat(market.intradayCalls).isEmpty();
        assertThat(again.openingVolumes()).isEqualTo(new SyncReport.OpeningVolumes(14, 14, 0, 0, 0, 0));
    }

    @Test
    void emptyUniverse_asksNothing_andMarksNoSessionAsDone() {
        market.with("CHEAP", new ScriptedMarketData.Profile("1.00", "0.10", 10));

        SyncReport report = sync().build().run();

        assertThat(report.completed()).isTrue();
        assertThat(report.universe().eligible()).isZero();
        assertThat(market.intradayCalls).isEmpty();
        assertThat(store.volumeSaves).isZero();
    }
}
