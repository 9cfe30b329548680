package dev.orb.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orb.core.config.OrbConfig;
import dev.orb.core.config.StopAnchor;
import dev.orb.core.fakes.FakeBroker.SubmitFailure;
import dev.orb.core.journal.StoredJournal;
import dev.orb.domain.Asset;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.DailyMetrics;
import dev.orb.domain.Direction;
import dev.orb.domain.ExitReason;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.Order;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.OrderRequest;
import dev.orb.domain.OrderStatus;
import dev.orb.domain.OrderType;
import dev.orb.domain.Price;
import dev.orb.domain.SignalRecord;
import dev.orb.domain.SignalStatus;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradeRecord;
import dev.orb.domain.TradingSession;

/**
 * Example days through the real engine and runner with the fakes. Numbers: equity $100,000, defaults (top 20, risk
 * 1%, leverage 4). AAA: OR 50.00/50.50/49.80/50.40, ATR 2.00 → LONG entry 50.50, stop 50.30, shares
 * min(1000/0.20, 400000/(20×50.50)) = 396. BBB: OR 20.00/20.10/19.50/19.60, ATR 1.00 → SHORT entry 19.50, stop 19.60,
 * shares min(1000/0.10, 400000/(20×19.50)) = 1025. RVOL: BBB 5, AAA 3.
 */
class SessionEngineTest {
    private static final LocalDate DATE = LocalDate.of(2024, 3, 12);
    private static final Symbol AAA = Symbol.of("AAA");
    private static final Symbol BBB = Symbol.of("BBB");

    private static Day twoSymbols(OrbConfig config) {
        return Day.regular(DATE, config, "100000")
                .symbol("AAA", "50.00", "50.50", "49.80", "50.40", 300_000, "2.00", 100_000)
                .symbol("BBB", "20.00", "20.10", "19.50", "19.60", 500_000, "1.00", 100_000);
    }

    private static List<OrderRequest> entries(Day day) {
        return day.broker.submitCalls().stream().filter(r -> r.clientOrderId().parse()
                .map(p -> p.purpose() == OrderPurpose.ENTRY).orElse(false)).toList();
    }

    @Test
    void scanSendsRankedOtoEntriesSizedToRiskAndLeverage() {
        Day day = twoSymbols(OrbConfig.defaults());
        day.start();
        day.scan();

        List<OrderRequest> sent = entries(day);
        assertThat(sent).extracting(OrderRequest::symbol).containsExactly(BBB, AAA);
        OrderRequest bbb = sent.get(0);
        assertThat(bbb.type()).isEqualTo(OrderType.STOP);
        assertThat(bbb.stopPrice()).isEqualTo(Price.of("19.50"));
        assertThat(bbb.stopLossPrice()).isEqualTo(Price.of("19.60"));
        assertThat(bbb.quantity()).isEqualTo(1025);
        OrderRequest aaa = sent.get(1);
        assertThat(aaa.stopPrice()).isEqualTo(Price.of("50.50"));
        assertThat(aaa.stopLossPrice()).isEqualTo(Price.of("50.30"));
        assertThat(aaa.quantity()).isEqualTo(396);
        assertThat(aaa.clientOrderId()).isEqualTo(ClientOrderId.of(DATE, AAA, OrderPurpose.ENTRY, 1));
        assertThat(day.storage.signals(DATE)).extracting(SignalRecord::status)
                .containsExactly(SignalStatus.SUBMITTED, SignalStatus.SUBMITTED);
        assertThat(day.storage.openingRanges(DATE)).hasSize(2);
        assertThat(day.state().entries().get(AAA).status()).isEqualTo(EntryStatus.WORKING);
    }

    @Test
    void fullDay_stopOutAndEodExit_recordTradesAndDailyMetrics() {
        Day day = twoSymbols(OrbConfig.defaults());
        day.start();
        day.scan();
        day.at(LocalTime.of(9, 41));
        day.trade("AAA", "50.55");
        day.trade("BBB", "19.45");
        day.at(LocalTime.of(10, 2));
        day.trade("AAA", "50.25");
        day.trade("BBB", "19.30");
        assertThat(day.state().positions()).containsOnlyKeys(BBB);
        day.eod();

        List<TradeRecord> trades = day.storage.trades(DATE, DATE);
        assertThat(trades).hasSize(2);
        TradeRecord aaa = trades.get(0);
        assertThat(aaa.exitReason()).isEqualTo(ExitReason.STOP);
        assertThat(aaa.pnl()).isEqualByComparingTo("-118.80");
        TradeRecord bbb = trades.get(1);
        assertThat(bbb.direction()).isEqualTo(Direction.SHORT);
        assertThat(bbb.exitReason()).isEqualTo(ExitReason.EOD);
        assertThat(bbb.pnl()).isEqualByComparingTo("153.75");
        assertThat(day.state().phase()).isEqualTo(Phase.CLOSED);
        DailyMetrics m = day.storage.dailyMetrics(DATE, DATE).get(0);
        assertThat(m.pnl()).isEqualByComparingTo("34.95");
        assertThat(m.endEquity()).isEqualByComparingTo("100034.95");
        assertThat(m.wins()).isEqualTo(1);
        assertThat(m.losses()).isEqualTo(1);
        assertThat(day.broker.positions()).isEmpty();
        assertThat(day.broker.openOrders()).isEmpty();
    }

    @Test
    void killSwitch_cancelsWorkingEntries_keepsProtectiveStops_andBlocksResends() {
        Day day = twoSymbols(OrbConfig.defaults());
        day.start();
        day.scan();
        day.trade("AAA", "50.55");
        day.runner.feed(new EngineEvent.KillSwitchEngaged(day.clock.now(), "operator:alice", "test"));

        Order bbbEntry = day.broker.orderByClientOrderId(ClientOrderId.of(DATE, BBB, OrderPurpose.ENTRY, 1)).orElseThrow();
        assertThat(bbbEntry.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(day.broker.openOrders()).singleElement().satisfies(o -> {
            assertThat(o.symbol()).isEqualTo(AAA);
            assertThat(o.type()).isEqualTo(OrderType.STOP);
            assertThat(o.stopPrice()).isEqualTo(Price.of("50.30"));
        });
        assertThat(day.storage.killSwitch().engaged()).isTrue();
        assertThat(day.storage.killSwitch().by()).isEqualTo("operator:alice");
    }

    @Test
    void killSwitchPersistedFromYesterday_rejectsEverySignal() {
        Day day = twoSymbols(OrbConfig.defaults());
        day.storage.saveKillSwitch(new KillSwitchState(true, "operator:bob", day.clock.now(), "stop for the day"));
        day.start();
        day.scan();
        assertThat(day.broker.submitCalls()).isEmpty();
        assertThat(day.storage.signals(DATE)).extracting(SignalRecord::status)
                .containsOnly(SignalStatus.REJECTED);
        assertThat(day.storage.signals(DATE).get(0).reason()).startsWith("KILL_SWITCH");
    }

    @Test
    void releaseAfterKillSwitch_resendsCancelledEntryAsNewAttempt_whileWindowOpen() {
        Day day = twoSymbols(OrbConfig.defaults());
        day.start();
        day.scan();
        day.runner.feed(new EngineEvent.KillSwitchEngaged(day.clock.now(), "operator:alice", "pause"));
        day.runner.feed(new EngineEvent.KillSwitchReleased(day.clock.now(), "system", "auto"));
        assertThat(day.state().killSwitch().engaged()).as("only a person releases it").isTrue();
        day.runner.feed(new EngineEvent.KillSwitchReleased(day.clock.now(), "operator:alice", "resume"));

        assertThat(entries(day)).extracting(r -> r.clientOrderId().value()).containsExactly(
                "orb-20240312-BBB-E-1", "orb-20240312-AAA-E-1", "orb-20240312-BBB-E-2", "orb-20240312-AAA-E-2");
    }

    @Test
    void dailyLossBeyondFivePercent_engagesKillSwitch_exactlyFivePercentDoesNot() {
        Day day = twoSymbols(OrbConfig.defaults());
        day.start();
        day.scan();
        day.broker.setEquity(new BigDecimal("95000.00"));
        day.accountUpdate();
        assertThat(day.state().killSwitch().engaged()).isFalse();
        day.broker.setEquity(new BigDecimal("94999.99"));
        day.accountUpdate();
        assertThat(day.state().killSwitch().engaged()).isTrue();
        assertThat(day.state().killSwitch().by()).isEqualTo("daily-loss-limit");
        assertThat(day.broker.openOrders()).isEmpty();
    }

    @Test
    void maxPositionsCutsTheRankedList() {
        Day day = twoSymbols(OrbConfig.builder().maxPositions(1).build());
        day.start();
        day.scan();
        assertThat(entries(day)).extracting(OrderRequest::symbol).containsExactly(BBB);
        SignalRecord aaa = day.storage.signals(DATE).get(1);
        assertThat(aaa.status()).isEqualTo(SignalStatus.REJECTED);
        assertThat(aaa.reason()).startsWith("MAX_POSITIONS");
    }

    @Test
    void shortOfHardToBorrowSymbol_isRejectedBeforeSending() {
        Day day = twoSymbols(OrbConfig.defaults()).asset(new Asset(BBB, true, true, false));
        day.start();
        day.scan();
        assertThat(entries(day)).extracting(OrderRequest::symbol).containsExactly(AAA);
        assertThat(day.storage.signals(DATE).get(0).reason()).startsWith("NOT_SHORTABLE");
    }

    @Test
    void scanAfterTheEntryWindow_sendsNothing() {
        Day day = twoSymbols(OrbConfig.defaults());
        day.start();
        day.at(LocalTime.of(11, 0));
        day.runner.feed(new EngineEvent.ScanReady(day.clock.now(), java.util.Map.of(), java.util.Map.of(),
                java.util.Map.of(), java.util.Map.of()));
        assertThat(day.broker.submitCalls()).isEmpty();
        Day late = twoSymbols(OrbConfig.defaults());
        late.start();
        late.clock.set(late.session.at(LocalTime.of(9, 45)));
        late.scanAtCurrentTime();
        assertThat(late.broker.submitCalls()).isEmpty();
        assertThat(late.storage.signals(DATE)).extracting(SignalRecord::reason)
                .allSatisfy(r -> assertThat(r).startsWith("MARKET_CLOSED"));
    }

    @Test
    void submitTimesOutAfterTheBrokerAccepted_noDuplicateOrder() {
        Day day = twoSymbols(OrbConfig.defaults());
        day.broker.failNextSubmit(SubmitFailure.TIMEOUT_AFTER_ACCEPT);
        day.start();
        day.scan();
        day.broker.assertOneOrderPerClientOrderId();
        ClientOrderId bbb = ClientOrderId.of(DATE, BBB, OrderPurpose.ENTRY, 1);
        assertThat(day.broker.submitCalls()).filteredOn(r -> r.clientOrderId().equals(bbb)).hasSize(1);
        assertThat(day.state().entries().get(BBB).status()).isEqualTo(EntryStatus.WORKING);
    }

    @Test
    void submitLostBeforeTheBroker_isSentAgainUnderTheSameId() {
        Day day = twoSymbols(OrbConfig.defaults());
        day.broker.failNextSubmit(SubmitFailure.LOST_BEFORE_BROKER);
        day.start();
        day.scan();
        day.broker.assertOneOrderPerClientOrderId();
        ClientOrderId bbb = ClientOrderId.of(DATE, BBB, OrderPurpose.ENTRY, 1);
        assertThat(day.broker.submitCalls()).filteredOn(r -> r.clientOrderId().equals(bbb)).hasSize(2);
        assertThat(day.broker.orderByClientOrderId(bbb)).isPresent();
    }

    @Test
    void duplicateFillEvent_countsOnce() {
        Day day = twoSymbols(OrbConfig.defaults());
        day.start();
        day.scan();
        day.trade("AAA", "50.55");
        day.broker.replayLastFill();
        assertThat(day.state().positions().get(AAA).openShares()).isEqualTo(396);
        assertThat(day.storage.orderEvents()).filteredOn(u -> u.fill() != null).hasSize(1);
    }

    @Test
    void streamDropDuringFill_fillRecoveredByResync() {
        Day day = twoSymbols(OrbConfig.defaults());
        day.start();
        day.scan();
        day.broker.disconnect();
        day.trade("AAA", "50.55");
        assertThat(day.state().positions()).isEmpty();
        day.broker.reconnect();
        OpenPosition p = day.state().positions().get(AAA);
        assertThat(p.openShares()).isEqualTo(396);
        assertThat(p.avgEntryPrice()).isEqualByComparingTo("50.55");
        assertThat(day.broker.submitCalls()).as("the OTO leg still protects it: no extra stop")
                .noneMatch(r -> r.clientOrderId().parse().map(x -> x.purpose() == OrderPurpose.PROTECTIVE_STOP).orElse(false));
    }

    @Test
    void stopLegCancelledWhilePositionOpen_standaloneStopIsSent() {
        Day day = twoSymbols(OrbConfig.defaults());
        day.start();
        day.scan();
        day.trade("AAA", "50.55");
        Order leg = day.broker.openOrders().stream().filter(o -> o.symbol().equals(AAA)).findFirst().orElseThrow();
        day.broker.cancel(leg.brokerOrderId());
        OrderRequest stop = day.broker.submitCalls().get(day.broker.submitCalls().size() - 1);
        assertThat(stop.clientOrderId()).isEqualTo(ClientOrderId.of(DATE, AAA, OrderPurpose.PROTECTIVE_STOP, 1));
        assertThat(stop.stopPrice()).isEqualTo(Price.of("50.30"));
        assertThat(stop.quantity()).isEqualTo(396);
        assertThat(day.state().positions().get(AAA).stop()).isEqualTo(StopState.STANDALONE_WORKING);
    }

    @Test
    void fillPriceAnchor_reanchorsTheStopAfterTheFill() {
        Day day = twoSymbols(OrbConfig.builder().stopAnchor(StopAnchor.FILL_PRICE).build());
        day.start();
        day.scan();
        day.trade("AAA", "50.60");
        OrderRequest stop = day.broker.submitCalls().get(day.broker.submitCalls().size() - 1);
        assertThat(stop.stopPrice()).isEqualTo(Price.of("50.40"));
        assertThat(day.broker.openOrders()).filteredOn(o -> o.symbol().equals(AAA)).singleElement()
                .extracting(Order::stopPrice).isEqualTo(Price.of("50.40"));
    }

    @Test
    void flattenAll_killSwitchOn_everythingCancelledAndClosed() {
        Day day = twoSymbols(OrbConfig.defaults());
        day.start();
        day.scan();
        day.trade("AAA", "50.55");
        day.trade("AAA", "50.70");
        day.runner.feed(new EngineEvent.FlattenRequested(day.clock.now(), "operator:alice"));
        assertThat(day.state().killSwitch().engaged()).isTrue();
        assertThat(day.broker.positions()).isEmpty();
        assertThat(day.broker.openOrders()).isEmpty();
        TradeRecord t = day.storage.trades(DATE, DATE).get(0);
        assertThat(t.exitReason()).isEqualTo(ExitReason.FLATTEN);
        assertThat(t.pnl()).isEqualByComparingTo("59.40");
    }

    @Test
    void forceCloseOneSymbol_leavesTheOtherAlone() {
        Day day = twoSymbols(OrbConfig.defaults());
        day.start();
        day.scan();
        day.trade("AAA", "50.55");
        day.trade("BBB", "19.45");
        day.runner.feed(new EngineEvent.ForceCloseRequested(day.clock.now(), AAA, "operator:alice"));
        assertThat(day.state().positions()).containsOnlyKeys(BBB);
        assertThat(day.storage.trades(DATE, DATE)).filteredOn(t -> t.symbol().equals(AAA)).singleElement()
                .extracting(TradeRecord::exitReason).isEqualTo(ExitReason.FORCE_CLOSE);
        assertThat(day.state().killSwitch().engaged()).isFalse();
    }

    @Test
    void earlyClose_eodAt1255_closesEverything() {
        TradingSession early = TradingSession.of(LocalDate.of(2024, 11, 29), LocalTime.of(9, 30), LocalTime.of(13, 0));
        Day day = new Day(early, OrbConfig.defaults(), new BigDecimal("100000"))
                .symbol("AAA", "50.00", "50.50", "49.80", "50.40", 300_000, "2.00", 100_000);
        day.start();
        day.scan();
        day.trade("AAA", "50.55");
        day.eod();
        assertThat(day.clock.nowInNewYork().toLocalTime()).isEqualTo(LocalTime.of(12, 55));
        assertThat(day.state().phase()).isEqualTo(Phase.CLOSED);
        assertThat(day.broker.positions()).isEmpty();
    }

    @Test
    void orderNotCreatedByOrb_isReportedNeverTouched() {
        Day day = twoSymbols(OrbConfig.defaults());
        Order foreign = day.broker.submit(OrderRequest.protectiveStop(new ClientOrderId("my-own-hedge-1"),
                Symbol.of("ZZZ"), dev.orb.domain.OrderSide.SELL, 10, Price.of("10.00")));
        day.start();
        assertThat(day.commands(Command.Alert.class)).anySatisfy(a ->
                assertThat(a.message()).contains("my-own-hedge-1").contains("not created by orb"));
        assertThat(day.broker.orderByClientOrderId(foreign.clientOrderId()).orElseThrow().status())
                .isEqualTo(OrderStatus.NEW);
        day.runner.reconcile();
        day.runner.reconcile();
        assertThat(day.commands(Command.Alert.class)).as("reported once, not at every reconciliation")
                .filteredOn(a -> a.message().contains("my-own-hedge-1")).hasSize(1);
    }

    @Test
    void restart_rebuildsTheSameStateFromTheJournal() {
        Day day = twoSymbols(OrbConfig.defaults());
        SessionJournal memory = new StoredJournal(day.storage, day.clock);
        SessionRunner first = new SessionRunner(new SessionEngine(day.config), day.broker, day.storage, day.clock,
                memory, EngineListener.NONE);
        first.start(day.session);
        day.clock.set(dev.orb.core.strategy.SessionSchedule.scanTime(day.session, day.config));
        first.feed(day.scanEvent());
        day.trade("AAA", "50.55");
        SessionState before = first.state();
        first.close();

        SessionRunner second = new SessionRunner(new SessionEngine(day.config), day.broker, day.storage, day.clock,
                memory, EngineListener.NONE);
        second.start(day.session);
        assertThat(second.state().entries()).isEqualTo(before.entries());
        assertThat(second.state().positions()).isEqualTo(before.positions());
        assertThat(second.state().executionIds()).isEqualTo(before.executionIds());
        day.broker.assertOneOrderPerClientOrderId();
        assertThat(entries(day)).hasSize(2);
        assertThat(day.storage.journal(DATE)).extracting(dev.orb.domain.JournalEntry::type)
                .startsWith("SessionOpened", "Reconciled", "ScanReady");
    }

    @Test
    void releaseAfterTheEntryWindow_resendsNothing() {
        Day day = twoSymbols(OrbConfig.defaults());
        day.start();
        day.scan();
        day.runner.feed(new EngineEvent.KillSwitchEngaged(day.clock.now(), "operator:alice", "pause"));
        day.at(LocalTime.of(9, 45)); // scan at 09:35 + scan.maxDelayMinutes 10: the window has closed
        day.runner.feed(new EngineEvent.KillSwitchReleased(day.clock.now(), "operator:alice", "resume"));
        assertThat(day.state().killSwitch().engaged()).isFalse();
        assertThat(entries(day)).hasSize(2);
    }

    @Test
    void entryFillRacingEod_isClosedAtOnce() {
        Day day = twoSymbols(OrbConfig.defaults());
        day.start();
        day.scan();
        SessionEngine engine = new SessionEngine(day.config);
        Order working = day.broker.orderByClientOrderId(ClientOrderId.of(DATE, AAA, OrderPurpose.ENTRY, 1)).orElseThrow();
        java.time.Instant eod = dev.orb.core.strategy.SessionSchedule.eodTime(day.session, day.config);
        SessionState afterEod = engine.decide(day.state(), new EngineEvent.EodReached(eod)).state();
        // the broker filled the entry before it saw the cancel
        Order filled = working.with(OrderStatus.FILLED, 396, new BigDecimal("50.55"), eod);
        dev.orb.domain.Fill fill = new dev.orb.domain.Fill("race-1", working.brokerOrderId(), working.clientOrderId(),
                AAA, dev.orb.domain.OrderSide.BUY, 396, Price.of("50.55"), eod);
        Decision d = engine.decide(afterEod, new EngineEvent.OrderUpdated(eod.plusMillis(5),
                new dev.orb.domain.OrderUpdate(dev.orb.domain.OrderEventType.FILL, filled, fill, eod)));
        assertThat(d.commands()).contains(new Command.ClosePosition(AAA, ExitReason.EOD));
        assertThat(d.state().phase()).isEqualTo(Phase.CLOSING);
    }

    @Test
    void supersededAttemptFillingLate_cancelsTheNewerAttempt() {
        Day day = twoSymbols(OrbConfig.defaults());
        day.start();
        day.scan();
        day.runner.feed(new EngineEvent.KillSwitchEngaged(day.clock.now(), "operator:alice", "pause"));
        day.runner.feed(new EngineEvent.KillSwitchReleased(day.clock.now(), "operator:alice", "resume"));
        ClientOrderId first = ClientOrderId.of(DATE, AAA, OrderPurpose.ENTRY, 1);
        ClientOrderId second = ClientOrderId.of(DATE, AAA, OrderPurpose.ENTRY, 2);
        assertThat(day.state().entries().get(AAA).intent().clientOrderId()).isEqualTo(second);
        Order old = day.broker.orderByClientOrderId(first).orElseThrow();
        Order filled = old.with(OrderStatus.FILLED, 396, new BigDecimal("50.55"), day.clock.now());
        dev.orb.domain.Fill fill = new dev.orb.domain.Fill("late-1", old.brokerOrderId(), first, AAA,
                dev.orb.domain.OrderSide.BUY, 396, Price.of("50.55"), day.clock.now());
        Decision d = new SessionEngine(day.config).decide(day.state(), new EngineEvent.OrderUpdated(day.clock.now(),
                new dev.orb.domain.OrderUpdate(dev.orb.domain.OrderEventType.FILL, filled, fill, day.clock.now())));
        assertThat(d.commands()).anySatisfy(c -> assertThat(c).isInstanceOfSatisfying(Command.CancelOrder.class,
                x -> assertThat(x.clientOrderId()).isEqualTo(second)));
        assertThat(d.state().positions().get(AAA).openShares()).isEqualTo(396);
    }

    @Test
    void exitFilledWhileTheStreamWasDown_isFoundOnReconnect_evenAfterLaterEvents() {
        Day day = twoSymbols(OrbConfig.defaults());
        day.start();
        day.scan();
        day.trade("AAA", "50.55");
        day.broker.disconnect();
        day.at(LocalTime.of(10, 0));
        day.trade("AAA", "50.25"); // the stop leg fills; the stream never says so
        day.at(LocalTime.of(10, 5));
        day.accountUpdate(); // later events move the engine's clock past the fill
        day.at(LocalTime.of(10, 6));
        day.accountUpdate();
        day.broker.reconnect();
        assertThat(day.state().positions()).doesNotContainKey(AAA);
        TradeRecord t = day.storage.trades(DATE, DATE).get(0);
        assertThat(t.exitReason()).isEqualTo(ExitReason.STOP);
        assertThat(t.exitPrice()).isEqualByComparingTo("50.25");
        assertThat(t.pnl()).isEqualByComparingTo("-118.80");
    }
}
