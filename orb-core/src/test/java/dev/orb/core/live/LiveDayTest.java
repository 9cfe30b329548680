package dev.orb.core.live;

import static dev.orb.core.live.LiveFixture.ny;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orb.core.session.Command;
import dev.orb.core.session.EngineEvent;
import dev.orb.core.session.Phase;
import dev.orb.domain.DailyMetrics;
import dev.orb.domain.OrderType;
import dev.orb.domain.SignalStatus;
import dev.orb.domain.Symbol;

/** Whole trading days driven by the {@link LiveScheduler} in stepped mode over orb-core's fakes. */
class LiveDayTest {
    private static final LocalDate TUESDAY = LocalDate.of(2024, 3, 12);

    @Test
    void normalDay_startsAt0920_scansAt093520_fillsAndClosesAt1555_storesMetrics_syncsAt1630() {
        LiveFixture f = LiveFixture.at(TUESDAY, 8, 0).twoCandidates(TUESDAY);
        LiveScheduler scheduler = f.scheduler();

        f.advance(scheduler, TUESDAY, 9, 35, 30);
        assertThat(f.daysMade).extracting(s -> s.date()).containsExactly(TUESDAY);
        assertThat(f.events(EngineEvent.SessionOpened.class)).singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(ny(TUESDAY, 9, 20, 0)));
        assertThat(f.events(EngineEvent.ScanReady.class)).singleElement().satisfies(e -> {
            assertThat(e.at()).isEqualTo(ny(TUESDAY, 9, 35, 20));
            assertThat(e.universe()).containsOnlyKeys(Symbol.of("AAA"), Symbol.of("BBB"));
            assertThat(e.bars().get(Symbol.of("AAA"))).hasSize(5);
            assertThat(e.orVolumeHistory().get(Symbol.of("AAA"))).hasSize(14).containsOnly(LiveFixture.HISTORY_VOLUME);
        });
        assertThat(f.entrySubmits()).isEqualTo(2);

        f.advance(scheduler, TUESDAY, 9, 40, 0);
        f.trade("AAA", "101.10");
        f.trade("AAA", "100.90");
        assertThat(scheduler.currentDay().orElseThrow().state().openPositions()).isEqualTo(1);

        f.advance(scheduler, TUESDAY, 15, 56, 0);
        assertThat(f.events(EngineEvent.EodReached.class)).singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(ny(TUESDAY, 15, 55, 0)));
        assertThat(f.market.positionQuantity(Symbol.of("AAA"))).isZero();
        assertThat(scheduler.currentDay().orElseThrow().state().phase()).isEqualTo(Phase.CLOSED);
        DailyMetrics metrics = f.storage.dailyMetrics(TUESDAY, TUESDAY).get(0);
        assertThat(metrics.trades()).isEqualTo(1);
        assertThat(metrics.pnl()).isEqualByComparingTo("-39.60"); // 198 × (100.90 − 101.10)

        f.advance(scheduler, TUESDAY, 16, 31, 0);
        assertThat(f.syncs).extracting(s -> s.date()).containsExactly(TUESDAY);
        assertThat(scheduler.currentDay()).isEmpty();
        assertThat(scheduler.nextTask().kind()).isEqualTo(TaskKind.SESSION_START);
        assertThat(scheduler.nextTask().session().date()).isEqualTo(TUESDAY.plusDays(1));
    }

    @Test
    void earlyClose_closesAt1255_storesMetrics_syncsAt1330() {
        LocalDate blackFriday = LocalDate.of(2024, 11, 29);
        LiveFixture f = LiveFixture.at(blackFriday, 9, 0).twoCandidates(blackFriday);
        LiveScheduler scheduler = f.scheduler();
        f.advance(scheduler, blackFriday, 9, 40, 0);
        f.trade("AAA", "101.10");

        f.advance(scheduler, blackFriday, 12, 56, 0);
        assertThat(f.events(EngineEvent.EodReached.class)).singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(ny(blackFriday, 12, 55, 0)));
        assertThat(f.market.positionQuantity(Symbol.of("AAA"))).isZero();
        assertThat(f.storage.dailyMetrics(blackFriday, blackFriday)).hasSize(1);
        assertThat(f.syncs).isEmpty();

        f.advance(scheduler, blackFriday, 13, 31, 0);
        assertThat(f.syncs).extracting(s -> s.date()).containsExactly(blackFriday);
    }

    @Test
    void christmas_nothingRunsUntilTheNextSessionStarts() {
        LocalDate eve = LocalDate.of(2024, 12, 24);
        LocalDate dayAfter = LocalDate.of(2024, 12, 26);
        LiveFixture f = LiveFixture.at(eve, 13, 0); // Christmas Eve closed at 13:00
        LiveScheduler scheduler = f.scheduler();

        f.advance(scheduler, dayAfter, 9, 19, 59);
        assertThat(f.syncs).extracting(s -> s.date()).containsExactly(eve);
        assertThat(f.daysMade).isEmpty();
        assertThat(f.events).isEmpty();
        assertThat(scheduler.nextTask().at()).isEqualTo(ny(dayAfter, 9, 20, 0));

        f.advance(scheduler, dayAfter, 9, 20, 0);
        assertThat(f.daysMade).extracting(s -> s.date()).containsExactly(dayAfter);
    }

    @Test
    void springForwardMonday_startsAndScansOnNewYorkTime() {
        dstMonday(LocalDate.of(2024, 3, 8), LocalDate.of(2024, 3, 11), "2024-03-11T13:20:00Z", "2024-03-11T13:35:20Z");
    }

    @Test
    void fallBackMonday_startsAndScansOnNewYorkTime() {
        dstMonday(LocalDate.of(2024, 11, 1), LocalDate.of(2024, 11, 4), "2024-11-04T14:20:00Z", "2024-11-04T14:35:20Z");
    }

    private static void dstMonday(LocalDate friday, LocalDate monday, String start, String scan) {
        LiveFixture f = LiveFixture.at(friday, 17, 0).twoCandidates(monday);
        LiveScheduler scheduler = f.scheduler();
        f.advance(scheduler, monday, 9, 36, 0);
        assertThat(f.daysMade).extracting(s -> s.date()).containsExactly(monday);
        assertThat(f.events(EngineEvent.SessionOpened.class).get(0).at()).isEqualTo(Instant.parse(start));
        assertThat(f.events(EngineEvent.ScanReady.class).get(0).at()).isEqualTo(Instant.parse(scan));
        assertThat(f.entrySubmits()).isEqualTo(2);
    }

    @Test
    void lateStartAt1100_reconcilesButPlacesNoEntries_andStillClosesTheDay() {
        LiveFixture f = LiveFixture.at(TUESDAY, 11, 0).twoCandidates(TUESDAY);
        LiveScheduler scheduler = f.scheduler();
        scheduler.runDue();

        TradingDay day = scheduler.currentDay().orElseThrow();
        assertThat(day.late()).isTrue();
        assertThat(day.lastScan().orElseThrow().status()).isEqualTo(ScanOutcome.Status.LATE_START);
        assertThat(f.events(EngineEvent.Reconciled.class)).isNotEmpty();
        assertThat(f.events(EngineEvent.ScanReady.class)).isEmpty();
        assertThat(f.market.submitCalls()).isEmpty();
        assertThat(f.alerts(Command.Severity.WARNING)).anyMatch(a -> a.message().contains("no entries today"));

        f.advance(scheduler, TUESDAY, 15, 56, 0);
        assertThat(f.market.submitCalls()).isEmpty();
        assertThat(f.storage.dailyMetrics(TUESDAY, TUESDAY)).singleElement()
                .satisfies(m -> assertThat(m.trades()).isZero());
    }

    @Test
    void lateStartInsideTheEntryWindow_placesNoEntriesByDefault() {
        LiveFixture f = LiveFixture.at(TUESDAY, 9, 38).twoCandidates(TUESDAY);
        f.scheduler().runDue();
        assertThat(f.events(EngineEvent.ScanReady.class)).isEmpty();
        assertThat(f.market.submitCalls()).isEmpty();
    }

    @Test
    void lateStartInsideTheEntryWindow_withAllowLateEntries_scansAtOnce() {
        LiveConfig allow = LiveConfig.builder().allowLateEntries(true).build();
        LiveFixture f = LiveFixture.at(TUESDAY, 9, 38, allow).twoCandidates(TUESDAY);
        LiveScheduler scheduler = f.scheduler();
        scheduler.runDue();
        assertThat(scheduler.currentDay().orElseThrow().late()).isTrue();
        assertThat(f.events(EngineEvent.ScanReady.class)).singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(ny(TUESDAY, 9, 38, 0)));
        assertThat(f.entrySubmits()).isEqualTo(2);
    }

    @Test
    void lateStartAt1100_withAllowLateEntries_theEnginesEntryWindowStillRefuses() {
        LiveConfig allow = LiveConfig.builder().allowLateEntries(true).build();
        LiveFixture f = LiveFixture.at(TUESDAY, 11, 0, allow).twoCandidates(TUESDAY);
        f.scheduler().runDue();
        assertThat(f.events(EngineEvent.ScanReady.class)).hasSize(1);
        assertThat(f.market.submitCalls()).isEmpty();
        assertThat(f.storage.signals(TUESDAY)).hasSize(2)
                .allMatch(s -> s.status() == SignalStatus.REJECTED && s.reason().contains("MARKET_CLOSED"));
    }

    @Test
    void brokerUnreachableAtStart_refusesToTrade_nothingFedNothingSubmitted() {
        LiveFixture f = LiveFixture.at(TUESDAY, 8, 0).twoCandidates(TUESDAY);
        f.broker.unreachable();
        LiveScheduler scheduler = f.scheduler();

        f.advance(scheduler, TUESDAY, 15, 56, 0);
        TradingDay day = scheduler.currentDay().orElseThrow();
        assertThat(day.status()).isEqualTo(DayStatus.REFUSED);
        assertThat(f.events(EngineEvent.ScanReady.class)).isEmpty();
        assertThat(f.events).isEmpty();
        assertThat(f.market.submitCalls()).isEmpty();
        assertThat(f.alerts(Command.Severity.CRITICAL)).singleElement()
                .satisfies(a -> assertThat(a.message()).contains("start-up reconciliation failed")
                        .contains("connection refused"));
        assertThat(day.start()).isInstanceOfSatisfying(StartOutcome.Refused.class,
                r -> assertThat(r.reason()).contains("connection refused"));
    }

    @Test
    void brokerBackBeforeTheScan_theNextTickReconcilesAndTheDayTradesNormally() {
        LiveFixture f = LiveFixture.at(TUESDAY, 8, 0).twoCandidates(TUESDAY);
        f.broker.unreachable();
        LiveScheduler scheduler = f.scheduler();
        f.advance(scheduler, TUESDAY, 9, 30, 0);
        assertThat(scheduler.currentDay().orElseThrow().status()).isEqualTo(DayStatus.REFUSED);

        f.broker.reachable();
        f.advance(scheduler, TUESDAY, 9, 36, 0);
        TradingDay day = scheduler.currentDay().orElseThrow();
        assertThat(day.status()).isEqualTo(DayStatus.RUNNING);
        assertThat(day.late()).isFalse();
        assertThat(f.events(EngineEvent.SessionOpened.class).get(0).at()).isEqualTo(ny(TUESDAY, 9, 30, 15));
        assertThat(f.entrySubmits()).isEqualTo(2);
    }

    @Test
    void brokerBackOnlyAfterTheScanTime_isALateStart_noEntries() {
        LiveFixture f = LiveFixture.at(TUESDAY, 8, 0).twoCandidates(TUESDAY);
        f.broker.unreachable();
        LiveScheduler scheduler = f.scheduler();
        f.advance(scheduler, TUESDAY, 9, 59, 0);
        f.broker.reachable();
        f.advance(scheduler, TUESDAY, 10, 0, 30);
        TradingDay day = scheduler.currentDay().orElseThrow();
        assertThat(day.status()).isEqualTo(DayStatus.RUNNING);
        assertThat(day.late()).isTrue();
        assertThat(f.events(EngineEvent.ScanReady.class)).isEmpty();
        assertThat(f.market.submitCalls()).isEmpty();
    }

    @Test
    void restartMidDay_rebuildsFromTheJournal_adoptsAFillMissedWhileDown_sendsNoDuplicate() {
        LiveFixture f = LiveFixture.at(TUESDAY, 8, 0).twoCandidates(TUESDAY);
        LiveScheduler first = f.scheduler();
        f.advance(first, TUESDAY, 9, 40, 0);
        f.trade("AAA", "101.10");
        List<Symbol> entries = List.copyOf(first.currentDay().orElseThrow().state().entries().keySet());

        f.broker.kill(); // the process dies; the broker keeps its orders
        f.trade("BBB", "48.90"); // BBB's entry fills while nobody listens
        f.broker = new FlakyBroker(f.market);
        LiveScheduler second = f.scheduler();
        f.advance(second, TUESDAY, 9, 50, 0);

        TradingDay day = second.currentDay().orElseThrow();
        assertThat(f.daysMade).extracting(s -> s.date()).containsExactly(TUESDAY, TUESDAY);
        assertThat(day.state().entries().keySet()).containsExactlyElementsOf(entries);
        assertThat(day.state().positions()).containsOnlyKeys(Symbol.of("AAA"), Symbol.of("BBB"));
        assertThat(day.lastScan().orElseThrow().status()).isEqualTo(ScanOutcome.Status.PAST_SCAN);
        assertThat(f.market.submitCalls()).hasSize(2); // the two entries; BBB is protected by its OTO leg
        f.market.assertOneOrderPerClientOrderId();

        f.advance(second, TUESDAY, 15, 56, 0);
        assertThat(f.market.positionQuantity(Symbol.of("AAA"))).isZero();
        assertThat(f.market.positionQuantity(Symbol.of("BBB"))).isZero();
        assertThat(f.storage.dailyMetrics(TUESDAY, TUESDAY)).singleElement()
                .satisfies(m -> assertThat(m.trades()).isEqualTo(2));
    }

    @Test
    void restartAfterEodTime_withAPositionOpen_closesItAtOnce() {
        LiveFixture f = LiveFixture.at(TUESDAY, 8, 0).twoCandidates(TUESDAY);
        f.advance(f.scheduler(), TUESDAY, 9, 40, 0);
        f.trade("AAA", "101.10");
        f.broker.kill();

        f.broker = new FlakyBroker(f.market);
        f.clock.set(ny(TUESDAY, 15, 57, 0));
        LiveScheduler second = f.scheduler();
        second.runDue();
        assertThat(f.events(EngineEvent.EodReached.class)).singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(ny(TUESDAY, 15, 57, 0)));
        assertThat(f.market.positionQuantity(Symbol.of("AAA"))).isZero();
        assertThat(f.storage.dailyMetrics(TUESDAY, TUESDAY)).hasSize(1);
    }

    @Test
    void eodCloseFailing_isRetriedOnTheFollowingTicks_flatBeforeTheClose() {
        LiveFixture f = LiveFixture.at(TUESDAY, 8, 0).twoCandidates(TUESDAY);
        LiveScheduler scheduler = f.scheduler();
        f.advance(scheduler, TUESDAY, 9, 40, 0);
        f.trade("AAA", "101.10");
        f.advance(scheduler, TUESDAY, 15, 54, 59);
        f.broker.unreachable(); // the EOD calls fail
        f.advance(scheduler, TUESDAY, 15, 55, 0);
        assertThat(f.market.positionQuantity(Symbol.of("AAA"))).isEqualTo(198);

        f.broker.reachable();
        f.advance(scheduler, TUESDAY, 15, 56, 0);
        assertThat(f.market.positionQuantity(Symbol.of("AAA"))).isZero();
        assertThat(f.alerts(Command.Severity.WARNING)).anyMatch(a -> a.message().contains("still open after EOD"));
        assertThat(scheduler.currentDay().orElseThrow().state().phase()).isEqualTo(Phase.CLOSED);
        assertThat(f.storage.dailyMetrics(TUESDAY, TUESDAY)).hasSize(1);
    }

    @Test
    void dailyLossSeenByAnAccountRefresh_engagesTheKillSwitch_cancelsTheWorkingEntry_keepsTheStop() {
        LiveFixture f = LiveFixture.at(TUESDAY, 8, 0).twoCandidates(TUESDAY);
        LiveScheduler scheduler = f.scheduler();
        f.advance(scheduler, TUESDAY, 9, 40, 0); // a reconcile tick runs at 09:40:00
        f.trade("AAA", "101.10");
        f.market.setEquity(new BigDecimal("94000"));
        assertThat(f.storage.killSwitch().engaged()).isFalse();

        f.advance(scheduler, TUESDAY, 9, 40, 15); // an account refresh, not a reconciliation
        assertThat(f.storage.killSwitch().engaged()).isTrue();
        assertThat(f.storage.killSwitch().by()).isEqualTo("daily-loss-limit");
        int i = indexOfFirst(f, Command.PersistKillSwitch.class);
        assertThat(f.events.get(i)).isInstanceOfSatisfying(EngineEvent.AccountUpdated.class,
                e -> assertThat(e.at()).isEqualTo(ny(TUESDAY, 9, 40, 15)));
        assertThat(f.market.openOrders()).singleElement().satisfies(o -> {
            assertThat(o.symbol()).isEqualTo(Symbol.of("AAA"));
            assertThat(o.type()).isEqualTo(OrderType.STOP);
        });
    }

    @Test
    void gracefulClose_stopsScheduling_leavesTheBrokerSideStop_stateRebuildsFromTheJournal() {
        LiveFixture f = LiveFixture.at(TUESDAY, 8, 0).twoCandidates(TUESDAY);
        LiveScheduler scheduler = f.scheduler();
        f.advance(scheduler, TUESDAY, 9, 40, 0);
        f.trade("AAA", "101.10");
        TradingDay day = scheduler.currentDay().orElseThrow();

        scheduler.close();
        assertThat(day.status()).isEqualTo(DayStatus.CLOSED);
        assertThat(scheduler.currentDay()).isEmpty();
        int seen = f.events.size();
        f.trade("BBB", "48.90"); // no longer heard by the closed day
        f.advance(scheduler, TUESDAY, 10, 0, 0);
        assertThat(f.events).hasSize(seen);
        assertThat(f.daysMade).hasSize(1);
        assertThat(f.market.openOrders()).anyMatch(o -> o.symbol().equals(Symbol.of("AAA"))
                && o.type() == OrderType.STOP);
        assertThat(f.market.positionQuantity(Symbol.of("AAA"))).isEqualTo(198);

        f.broker = new FlakyBroker(f.market);
        TradingDay again = f.days().build(day.session());
        again.start();
        assertThat(again.state().positions()).containsOnlyKeys(Symbol.of("AAA"), Symbol.of("BBB"));
        assertThat(again.state().phase()).isEqualTo(Phase.TRADING);
        assertThat(f.market.submitCalls()).hasSize(2);
    }

    private static int indexOfFirst(LiveFixture f, Class<? extends Command> type) {
        for (int i = 0; i < f.decisions.size(); i++) {
            if (f.decisions.get(i).commands().stream().anyMatch(type::isInstance)) {
                return i;
            }
        }
        throw new AssertionError("no " + type.getSimpleName());
    }
}
