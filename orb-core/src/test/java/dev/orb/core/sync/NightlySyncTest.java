package dev.orb.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.orb.core.config.OrbConfig;
import dev.orb.core.config.RvolMethod;
import dev.orb.domain.DailyBar;
import dev.orb.domain.DailyStats;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.MarketTime;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;
import dev.orb.ports.MarketDataException;
import org.junit.jupiter.api.Test;

class NightlySyncTest {
    /** Tuesday; the clock stands on Monday evening, after the close. */
    static final LocalDate TARGET = LocalDate.of(2024, 3, 12);
    static final LocalDate PRESIDENTS_DAY = LocalDate.of(2024, 2, 19);
    static final ScriptedMarketData.Profile GOOD = new ScriptedMarketData.Profile("50.00", "2.00", 2_000_000);

    final ManualClock clock = new ManualClock(ZonedDateTime.of(2024, 3, 11, 20, 0, 0, 0, MarketTime.NEW_YORK)
            .toInstant());
    final WeekdayCalendar calendar = new WeekdayCalendar(PRESIDENTS_DAY);
    final InMemoryMarketStore store = new InMemoryMarketStore();
    final ScriptedMarketData market = new ScriptedMarketData(clock, Duration.ofSeconds(12));
    final List<TradingSession> window = calendar.sessionsBefore(TARGET, 30);

    /** Daily bars and universe only; the opening-volume phase has its own tests. */
    NightlySync.Builder sync() {
        return NightlySync.builder(market, store, calendar, clock).openingVolumes(false);
    }

    ScriptedMarketData standardMarket() {
        return market.with("GOOD", GOOD)
                .with("CHEAP", new ScriptedMarketData.Profile("4.99", "1.00", 5_000_000))
                .with("THIN", new ScriptedMarketData.Profile("20.00", "1.00", 999_999))
                .with("CALM", new ScriptedMarketData.Profile("30.00", "0.49", 3_000_000))
                .with("GAPPY", GOOD).notTradingOn("GAPPY", window.get(25).date())
                .with("OLDGAP", GOOD).notTradingOn("OLDGAP", window.get(10).date());
    }

    @Test
    void firstRun_fetchesEachOfThe30SessionsOnce_oldestFirst_skippingTheHoliday() {
        standardMarket();

        SyncReport report = sync().build().run();

        assertThat(report.completed()).isTrue();
        assertThat(report.session()).isEqualTo(TARGET);
        assertThat(market.dailyCalls).containsExactlyElementsOf(window.stream().map(TradingSession::date).toList());
        assertThat(market.dailyCalls).doesNotContain(PRESIDENTS_DAY).hasSize(30);
        assertThat(window.get(29).date()).isEqualTo(LocalDate.of(2024, 3, 11));
        assertThat(store.dailyBarDates(window.get(0).date(), window.get(29).date())).hasSize(30);
        assertThat(store.upserts).isEqualTo(30);
        assertThat(report.dailyBars()).isEqualTo(new SyncReport.DailyBars(window.get(0).date(),
                window.get(29).date(), 30, 0, 30, List.of(), 30 * 6 - 2, 0));
        assertThat(report.requestsMade()).isEqualTo(30);
    }

    @Test
    void universe_isComputedWithTheRules_forTheNextSession() {
        standardMarket();

        SyncReport report = sync().build().run();

        List<DailyStats> universe = store.universe(TARGET);
        assertThat(universe).extracting(s -> s.symbol().value()).containsExactly("GOOD", "OLDGAP");
        DailyStats good = universe.get(0);
        assertThat(good.session()).isEqualTo(TARGET);
        assertThat(good.atr14()).isEqualByComparingTo("2.00");
        assertThat(good.avgVolume14()).isEqualByComparingTo("2000000");
        assertThat(good.prevClose()).isEqualTo(Price.of("50.00"));
        assertThat(report.universe()).isEqualTo(new SyncReport.Universe(6, 1, 3, 2));
    }

    @Test
    void barsOlderThanTheWindow_areDeleted_andTheWindowKept() {
        standardMarket();
        LocalDate old = window.get(0).date().minusDays(1);
        store.upsertDailyBars(List.of(ScriptedMarketData.bar(Symbol.of("GOOD"), old, GOOD),
                ScriptedMarketData.bar(Symbol.of("OLD"), old.minusDays(40), GOOD)));

        SyncReport report = sync().build().run();

        assertThat(report.dailyBars().barsDeleted()).isEqualTo(2);
        assertThat(store.dailyBars(LocalDate.MIN.plusYears(1), TARGET))
                .allMatch(b -> !b.date().isBefore(window.get(0).date()));
        assertThat(store.dailyBarDates(window.get(0).date(), window.get(29).date())).hasSize(30);
    }

    @Test
    void rerunAfterAFailure_fetchesOnlyTheMissingDates() {
        standardMarket();
        LocalDate broken = window.get(11).date();
        market.failOn.add(broken);

        SyncReport failed = sync().build().run();

        assertThat(failed.completed()).isFalse();
        assertThat(failed.failure()).get().asString().contains("daily bars of " + broken)
                .contains("scripted failure");
        assertThat(failed.dailyBars().fetched()).isEqualTo(11);
        assertThat(store.universe(TARGET)).isEmpty();
        assertThat(store.universeSaves).isZero();

        market.failOn.clear();
        market.dailyCalls.clear();
        SyncReport rerun = sync().build().run();

        assertThat(rerun.completed()).isTrue();
        assertThat(market.dailyCalls).containsExactlyElementsOf(
                window.subList(11, 30).stream().map(TradingSession::date).toList());
        assertThat(rerun.dailyBars().alreadyStored()).isEqualTo(11);
        assertThat(rerun.dailyBars().fetched()).isEqualTo(19);
        assertThat(store.universe(TARGET)).hasSize(2);
    }

    @Test
    void secondRunTheSameNight_fetchesNothing_andRecomputesTheSameUniverse() {
        standardMarket();
        sync().build().run();
        market.dailyCalls.clear();

        SyncReport again = sync().build().run();

        assertThat(market.dailyCalls).isEmpty();
        assertThat(again.requestsMade()).isZero();
        assertThat(store.universe(TARGET)).extracting(s -> s.symbol().value()).containsExactly("GOOD", "OLDGAP");
    }

    @Test
    void latestSessionWithoutData_failsWithoutStoringAUniverse_andKeepsOldBars() {
        standardMarket();
        LocalDate latest = window.get(29).date();
        market.emptyOn.add(latest);
        LocalDate old = window.get(0).date().minusDays(1);
        store.upsertDailyBars(List.of(ScriptedMarketData.bar(Symbol.of("GOOD"), old, GOOD)));

        SyncReport report = sync().build().run();

        assertThat(report.completed()).isFalse();
        assertThat(report.failure()).get().asString().contains(latest.toString()).contains("not yet published");
        assertThat(report.dailyBars().empty()).containsExactly(latest);
        assertThat(store.universeSaves).isZero();
        assertThat(store.dailyBarDates(old, old)).containsExactly(old);
    }

    @Test
    void olderSessionWithoutData_onlyWarns() {
        standardMarket();
        market.emptyOn.add(window.get(3).date());

        SyncReport report = sync().build().run();

        assertThat(report.completed()).isTrue();
        assertThat(report.dailyBars().empty()).containsExactly(window.get(3).date());
        assertThat(store.universe(TARGET)).hasSize(2);
    }

    @Test
    void barsOfAnotherDate_andSecondBarsOfASymbol_areSkippedAndCounted() {
        market.with("GOOD", GOOD);
        LocalDate d = window.get(29).date();
        market.extra.put(d, List.of(ScriptedMarketData.bar(Symbol.of("GOOD"), d,
                        new ScriptedMarketData.Profile("99.00", "1.00", 1)),
                ScriptedMarketData.bar(Symbol.of("ZED"), d.minusDays(1), GOOD)));

        SyncReport report = sync().build().run();

        assertThat(report.rowsSkipped()).isEqualTo(2);
        assertThat(store.dailyBars(d, d)).extracting(DailyBar::close).containsExactly(Price.of("50.00"));
        assertThat(store.dailyBars(d.minusDays(1), d.minusDays(1))).noneMatch(b -> b.symbol().value().equals("ZED"));
    }

    @Test
    void vendorCounters_replaceTheCallCount_andAddTheVendorsSkippedRows() {
        market.with("GOOD", GOOD);
        long[] vendor = {100, 7};
        NightlySync sync = sync().vendorCounters(VendorCounters.of(
                () -> vendor[0] + 2L * market.dailyCalls.size(), () -> vendor[1] + market.dailyCalls.size()))
                .build();

        SyncReport report = sync.run();

        assertThat(report.requestsMade()).isEqualTo(60);
        assertThat(report.rowsSkipped()).isEqualTo(30);
    }

    @Test
    void progress_reportsDatesDoneOfTotal_requests_andAnEtaFromTheClock() {
        market.with("GOOD", GOOD);
        store.upsertDailyBars(List.of(ScriptedMarketData.bar(Symbol.of("GOOD"), window.get(0).date(), GOOD)));
        List<SyncProgress> seen = new ArrayList<>();
        List<SyncReport> finished = new ArrayList<>();
        SyncListener listener = new SyncListener() {
            @Override
            public void progress(SyncProgress p) {
                seen.add(p);
            }

            @Override
            public void finished(SyncReport r) {
                finished.add(r);
            }
        };

        SyncReport report = sync().listener(listener).build().run();

        List<SyncProgress> daily = seen.stream().filter(p -> p.phase() == SyncPhase.DAILY_BARS).toList();
        assertThat(daily).hasSize(30);
        assertThat(daily.get(0)).isEqualTo(new SyncProgress(SyncPhase.DAILY_BARS, 0, 29, Duration.ZERO,
                Optional.empty(), 0, 0));
        // 12 s per call: after 10 of 29 dates, 120 s elapsed and 19 × 12 s to go.
        assertThat(daily.get(10)).isEqualTo(new SyncProgress(SyncPhase.DAILY_BARS, 10, 29, Duration.ofSeconds(120),
                Optional.of(Duration.ofSeconds(228)), 10, 0));
        assertThat(daily.get(29).eta()).contains(Duration.ZERO);
        assertThat(daily.get(29).fraction()).isEqualTo(1.0);
        assertThat(seen).filteredOn(p -> p.phase() == SyncPhase.UNIVERSE).extracting(SyncProgress::done)
                .containsExactly(0, 1);
        assertThat(finished).containsExactly(report);
        assertThat(report.elapsed()).isEqualTo(Duration.ofSeconds(29 * 12));
    }

    @Test
    void aListenerThatThrows_doesNotStopTheSync() {
        market.with("GOOD", GOOD);
        SyncListener rude = new SyncListener() {
            @Override
            public void progress(SyncProgress p) {
                throw new IllegalStateException("boom");
            }
        };

        assertThat(sync().listener(rude).build().run().completed()).isTrue();
    }

    @Test
    void nextSession_isTodayBeforeTheClose_andTheNextSessionAfterIt() {
        NightlySync sync = sync().build();
        clock.set(ZonedDateTime.of(2024, 3, 12, 8, 0, 0, 0, MarketTime.NEW_YORK).toInstant());
        assertThat(sync.nextSession()).isEqualTo(LocalDate.of(2024, 3, 12));
        clock.set(ZonedDateTime.of(2024, 3, 12, 15, 59, 0, 0, MarketTime.NEW_YORK).toInstant());
        assertThat(sync.nextSession()).isEqualTo(LocalDate.of(2024, 3, 12));
        clock.set(ZonedDateTime.of(2024, 3, 15, 16, 0, 0, 0, MarketTime.NEW_YORK).toInstant());
        assertThat(sync.nextSession()).isEqualTo(LocalDate.of(2024, 3, 18));
        clock.set(ZonedDateTime.of(2024, 2, 17, 12, 0, 0, 0, MarketTime.NEW_YORK).toInstant());
        assertThat(sync.nextSession()).isEqualTo(LocalDate.of(2024, 2, 20));
    }

    @Test
    void aDayWithoutSession_isRefused() {
        assertThatThrownBy(() -> sync().build().run(PRESIDENTS_DAY))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("2024-02-19 is not a trading day");
    }

    @Test
    void historyShorterThanTheAtrNeeds_isRefusedAtBuild() {
        assertThatThrownBy(() -> sync().historySessions(14).build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("historySessions: 14 must be in 15..250");
    }

    @Test
    void aSecondRunWhileOneIsRunning_isRefused() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScriptedMarketData slow = new ScriptedMarketData(clock, Duration.ZERO) {
            @Override
            public List<DailyBar> dailyBarsOfMarket(LocalDate date) {
                inside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new MarketDataException("stopped");
            }
        };
        NightlySync sync = NightlySync.builder(slow, store, calendar, clock).openingVolumes(false).build();
        Thread first = new Thread(sync::run);
        first.start();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(sync::run).isInstanceOf(SyncInProgressException.class);

        release.countDown();
        first.join(10_000);
        assertThat(sync.run().failure()).isPresent();
    }

    @Test
    void wilderAtr_usesEveryConsecutiveBar() {
        market.with("GOOD", GOOD);
        OrbConfig wilder = OrbConfig.builder().atrMethod(dev.orb.core.config.AtrMethod.WILDER)
                .rvolMethod(RvolMethod.DAILY_APPROX).build();

        NightlySync.builder(market, store, calendar, clock).config(wilder).build().run();

        assertThat(store.universe(TARGET)).singleElement()
                .satisfies(s -> assertThat(s.atr14()).isEqualByComparingTo(new BigDecimal("2.00")));
        assertThat(market.intradayCalls).isEmpty();
    }
}
