package dev.orb.core.live;

import static dev.orb.core.live.LiveFixture.ny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.orb.core.session.Command;
import dev.orb.core.session.EngineEvent;
import dev.orb.domain.Asset;
import dev.orb.domain.Bar;
import dev.orb.domain.DailyBar;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.OrderStatus;
import dev.orb.domain.OrderType;
import dev.orb.domain.Price;
import dev.orb.domain.SignalStatus;
import dev.orb.domain.Symbol;
import dev.orb.domain.Timeframe;
import dev.orb.domain.TradingSession;
import dev.orb.ports.BrokerException;
import dev.orb.ports.MarketData;
import dev.orb.ports.MarketDataException;

/** {@link TradingDay} driven directly, as a host without the scheduler would. */
class TradingDayTest {
    private static final LocalDate TUESDAY = LocalDate.of(2024, 3, 12);
    private static final TradingSession SESSION = LiveFixture.NYSE.session(TUESDAY).orElseThrow();

    private static TradingDay startedAt0920(LiveFixture f) {
        TradingDay day = f.days().build(SESSION);
        assertThat(day.start()).isEqualTo(new StartOutcome.Started(ny(TUESDAY, 9, 20, 0), false));
        f.clock.set(ny(TUESDAY, 9, 35, 20));
        return day;
    }

    @Test
    void aHostCanDriveTheDay_startScanEod_eodFedOnce() {
        LiveFixture f = LiveFixture.at(TUESDAY, 9, 20).twoCandidates(TUESDAY);
        TradingDay day = startedAt0920(f);
        ScanOutcome scan = day.scan();
        assertThat(scan.status()).isEqualTo(ScanOutcome.Status.FED);
        assertThat(scan.symbols()).isEqualTo(2);
        assertThat(f.entrySubmits()).isEqualTo(2);
        assertThat(day.scan().status()).isEqualTo(ScanOutcome.Status.PAST_SCAN);

        f.clock.set(ny(TUESDAY, 15, 55, 0));
        day.eod();
        day.eod();
        assertThat(f.events(EngineEvent.EodReached.class)).hasSize(1);
        assertThat(f.storage.dailyMetrics(TUESDAY, TUESDAY)).hasSize(1);
    }

    @Test
    void noUniverseStored_isCritical_noEntries_andATickScansOnceTheSyncHasRun() {
        LiveFixture f = LiveFixture.at(TUESDAY, 9, 20);
        f.rvolHistory(TUESDAY, "AAA").bars(TUESDAY, "AAA", "100.00", "101.00", "99.50", "100.80", 5);
        TradingDay day = startedAt0920(f);
        assertThat(f.alerts(Command.Severity.WARNING)).singleElement()
                .satisfies(a -> assertThat(a.message()).contains("run the nightly sync before the scan at 09:35:20"));

        assertThat(day.scan().status()).isEqualTo(ScanOutcome.Status.NO_UNIVERSE);
        assertThat(f.alerts(Command.Severity.CRITICAL)).singleElement()
                .satisfies(a -> assertThat(a.message()).contains("no universe stored for 2024-03-12"));
        assertThat(f.events(EngineEvent.ScanReady.class)).isEmpty();

        f.universe(TUESDAY, "AAA", "100.00", "2.00"); // an operator runs the sync
        f.clock.set(ny(TUESDAY, 9, 35, 30));
        day.refreshAccount();
        assertThat(day.lastScan().orElseThrow().status()).isEqualTo(ScanOutcome.Status.FED);
        assertThat(f.entrySubmits()).isEqualTo(1);
    }

    @Test
    void missingOpeningRangeVolumesOfAPreviousSession_refusesToScan_namingIt() {
        LiveFixture f = LiveFixture.at(TUESDAY, 9, 20);
        f.universe(TUESDAY, "AAA", "100.00", "2.00").bars(TUESDAY, "AAA", "100.00", "101.00", "99.50", "100.80", 5);
        List<TradingSession> before = LiveFixture.NYSE.sessionsBefore(TUESDAY, 14);
        for (TradingSession s : before) {
            if (!s.date().equals(before.get(3).date())) {
                f.storage.saveOpeningRangeVolumes(s.date(), 5, Map.of(Symbol.of("AAA"), 100_000L));
            }
        }
        TradingDay day = startedAt0920(f);
        ScanOutcome scan = day.scan();
        assertThat(scan.status()).isEqualTo(ScanOutcome.Status.MISSING_RVOL_HISTORY);
        assertThat(scan.detail()).contains(before.get(3).date().toString());
        assertThat(f.events(EngineEvent.ScanReady.class)).isEmpty();
    }

    @Test
    void lastMinuteBarNotPublishedYet_isRetriedOnTheNextTick() {
        LiveFixture f = LiveFixture.at(TUESDAY, 9, 20);
        f.universe(TUESDAY, "AAA", "100.00", "2.00").rvolHistory(TUESDAY, "AAA")
                .bars(TUESDAY, "AAA", "100.00", "101.00", "99.50", "100.80", 4);
        TradingDay day = startedAt0920(f);

        assertThat(day.scan().status()).isEqualTo(ScanOutcome.Status.INCOMPLETE_BARS);
        assertThat(f.alerts(Command.Severity.WARNING)).anyMatch(a -> a.message().contains("09:34"));
        f.publishLastBar(TUESDAY, "AAA", "100.80");
        f.clock.set(ny(TUESDAY, 9, 35, 30));
        day.reconcile();
        assertThat(f.events(EngineEvent.ScanReady.class)).singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(ny(TUESDAY, 9, 35, 30)));
        assertThat(f.entrySubmits()).isEqualTo(1);
    }

    @Test
    void marketDataDown_isRetriedUntilTheEntryWindowCloses_thenAbandoned() {
        LiveFixture f = LiveFixture.at(TUESDAY, 9, 20).twoCandidates(TUESDAY);
        MarketData down = new MarketData() {
            @Override
            public List<DailyBar> dailyBarsOfMarket(LocalDate date) {
                throw new MarketDataException("down");
            }

            @Override
            public List<DailyBar> dailyBars(Symbol symbol, LocalDate from, LocalDate to) {
                throw new MarketDataException("down");
            }

            @Override
            public Map<Symbol, List<Bar>> intradayBars(Collection<Symbol> symbols, Timeframe t, Instant from,
                                                      Instant to) {
                throw new MarketDataException("bars endpoint: 503");
            }
        };
        TradingDay day = f.days().marketData(down).build(SESSION);
        day.start();
        f.clock.set(ny(TUESDAY, 9, 35, 20));
        assertThat(day.scan().status()).isEqualTo(ScanOutcome.Status.DATA_UNAVAILABLE);
        f.clock.set(ny(TUESDAY, 9, 44, 59));
        day.refreshAccount();
        assertThat(f.alerts(Command.Severity.WARNING).stream().filter(a -> a.message().contains("503"))).hasSize(1);

        f.clock.set(ny(TUESDAY, 9, 45, 0));
        day.refreshAccount();
        assertThat(f.alerts(Command.Severity.CRITICAL)).singleElement()
                .satisfies(a -> assertThat(a.message()).contains("abandoned"));
        f.clock.set(ny(TUESDAY, 9, 45, 15));
        day.refreshAccount();
        assertThat(f.alerts(Command.Severity.CRITICAL)).hasSize(1);
        assertThat(f.events(EngineEvent.ScanReady.class)).isEmpty();
    }

    @Test
    void malformedBarsOfOneSymbol_areDroppedWithAWarning_theOthersAreScanned() {
        LiveFixture f = LiveFixture.at(TUESDAY, 9, 20).twoCandidates(TUESDAY);
        Price p = Price.of("49.20");
        f.marketData.addIntraday(List.of(new Bar(Symbol.of("BBB"), SESSION.openInstant(), Timeframe.ONE_MINUTE, p, p,
                p, p, 10))); // a second bar starting at 09:30
        TradingDay day = startedAt0920(f);
        assertThat(day.scan().status()).isEqualTo(ScanOutcome.Status.FED);
        assertThat(f.alerts(Command.Severity.WARNING)).anyMatch(a -> a.message().contains("bars of [BBB] dropped"));
        assertThat(f.events(EngineEvent.ScanReady.class).get(0).bars()).containsOnlyKeys(Symbol.of("AAA"));
        assertThat(f.entrySubmits()).isEqualTo(1);
    }

    @Test
    void anInjectedAssetSource_decidesShortability() {
        LiveFixture f = LiveFixture.at(TUESDAY, 9, 20).twoCandidates(TUESDAY);
        AssetSource bulk = (date, symbols) -> Map.of(Symbol.of("AAA"), Asset.fullyTradable(Symbol.of("AAA")),
                Symbol.of("BBB"), new Asset(Symbol.of("BBB"), true, false, false));
        TradingDay day = f.days().assets(bulk).build(SESSION);
        day.start();
        f.clock.set(ny(TUESDAY, 9, 35, 20));
        day.scan();
        assertThat(f.entrySubmits()).isEqualTo(1);
        assertThat(f.broker.assetCalls).hasValue(0);
        assertThat(f.storage.signals(TUESDAY)).anyMatch(s -> s.symbol().equals(Symbol.of("BBB"))
                && s.status() == SignalStatus.REJECTED && s.reason().contains("NOT_SHORTABLE"));
    }

    @Test
    void brokerAssetSource_asksEachSymbolOncePerSession_andAgainNextSession() {
        LiveFixture f = LiveFixture.at(TUESDAY, 9, 20);
        AssetSource source = AssetSource.fromBroker(f.broker);
        List<Symbol> both = List.of(Symbol.of("AAA"), Symbol.of("BBB"));
        assertThat(source.assets(TUESDAY, both)).containsOnlyKeys(both);
        source.assets(TUESDAY, both);
        assertThat(f.broker.assetCalls).hasValue(2);
        source.assets(TUESDAY.plusDays(1), both);
        assertThat(f.broker.assetCalls).hasValue(4);
        f.broker.unreachable();
        assertThatThrownBy(() -> source.assets(TUESDAY.plusDays(2), both)).isInstanceOf(BrokerException.class);
    }

    @Test
    void killSwitch_cancelsTheWorkingEntry_keepsTheProtectiveStop() {
        LiveFixture f = LiveFixture.at(TUESDAY, 9, 20).twoCandidates(TUESDAY);
        TradingDay day = startedAt0920(f);
        day.scan();
        f.trade("AAA", "101.10");
        day.engageKillSwitch("alice", "news");
        assertThat(f.storage.killSwitch().engaged()).isTrue();
        assertThat(f.storage.killSwitch().by()).isEqualTo("alice");
        assertThat(f.market.openOrders()).singleElement().satisfies(o -> {
            assertThat(o.symbol()).isEqualTo(Symbol.of("AAA"));
            assertThat(o.type()).isEqualTo(OrderType.STOP);
        });
        day.releaseKillSwitch("alice", "news digested");
        assertThat(f.storage.killSwitch().engaged()).isFalse();
    }

    @Test
    void flattenAll_closesEveryPosition_andEngagesTheKillSwitch() {
        LiveFixture f = LiveFixture.at(TUESDAY, 9, 20).twoCandidates(TUESDAY);
        TradingDay day = startedAt0920(f);
        day.scan();
        f.trade("AAA", "101.10");
        f.trade("BBB", "48.90");
        day.flattenAll("alice");
        assertThat(f.market.positionQuantity(Symbol.of("AAA"))).isZero();
        assertThat(f.market.positionQuantity(Symbol.of("BBB"))).isZero();
        assertThat(f.market.openOrders()).isEmpty();
        assertThat(f.storage.killSwitch().engaged()).isTrue();
    }

    @Test
    void forceClose_closesThatSymbolOnly() {
        LiveFixture f = LiveFixture.at(TUESDAY, 9, 20).twoCandidates(TUESDAY);
        TradingDay day = startedAt0920(f);
        day.scan();
        f.trade("AAA", "101.10");
        f.trade("BBB", "48.90");
        day.forceClose(Symbol.of("AAA"), "alice");
        assertThat(f.market.positionQuantity(Symbol.of("AAA"))).isZero();
        assertThat(f.market.positionQuantity(Symbol.of("BBB"))).isEqualTo(-day.state().positions()
                .get(Symbol.of("BBB")).openShares());
        assertThat(f.market.allOrders()).anyMatch(o -> o.symbol().equals(Symbol.of("BBB"))
                && o.type() == OrderType.STOP && o.status() == OrderStatus.NEW);
    }

    @Test
    void killSwitchEngagedWhileRefused_isPersisted_andHoldsWhenTheSessionOpens() {
        LiveFixture f = LiveFixture.at(TUESDAY, 9, 20).twoCandidates(TUESDAY);
        f.broker.unreachable();
        TradingDay day = f.days().build(SESSION);
        assertThat(day.start()).isInstanceOf(StartOutcome.Refused.class);
        day.engageKillSwitch("alice", "broker trouble");
        assertThat(f.storage.killSwitch().engaged()).isTrue();
        assertThatThrownBy(() -> day.releaseKillSwitch("alice", "ok")).isInstanceOf(SessionNotOpenException.class)
                .hasMessageContaining("release the kill switch").hasMessageContaining("REFUSED");
        assertThatThrownBy(() -> day.flattenAll("alice")).isInstanceOf(SessionNotOpenException.class);
        assertThatThrownBy(() -> day.forceClose(Symbol.of("AAA"), "alice"))
                .isInstanceOf(SessionNotOpenException.class);

        f.broker.reachable();
        f.clock.set(ny(TUESDAY, 9, 30, 15));
        day.refreshAccount();
        assertThat(day.status()).isEqualTo(DayStatus.RUNNING);
        assertThat(f.events(EngineEvent.SessionOpened.class).get(0).killSwitch().engaged()).isTrue();
        f.clock.set(ny(TUESDAY, 9, 35, 20));
        assertThat(day.scan().status()).isEqualTo(ScanOutcome.Status.FED);
        assertThat(f.market.submitCalls()).isEmpty();
    }

    @Test
    void aClosedDay_neitherStartsNorFeeds() {
        LiveFixture f = LiveFixture.at(TUESDAY, 9, 20).twoCandidates(TUESDAY);
        TradingDay day = f.days().build(SESSION);
        day.close();
        day.close();
        assertThat(day.start()).isInstanceOf(StartOutcome.Refused.class);
        assertThat(day.scan().status()).isEqualTo(ScanOutcome.Status.CLOSED);
        day.reconcile();
        assertThat(f.events).isEmpty();
        day.engageKillSwitch("alice", "closed day");
        assertThat(f.storage.killSwitch().engaged()).isTrue();
    }

    @Test
    void builder_refusesADayThatIsNotASessionOfTheCalendar_andMissingPorts() {
        LiveFixture f = LiveFixture.at(TUESDAY, 9, 20);
        assertThatThrownBy(() -> f.days().build(TradingSession.regular(LocalDate.of(2024, 12, 25))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("2024-12-25");
        assertThatThrownBy(() -> f.days().build(TradingSession.regular(LocalDate.of(2024, 11, 29))))
                .isInstanceOf(InvalidValueException.class); // an early close, not a regular day
        assertThatThrownBy(() -> TradingDay.builder(f.plan).storage(f.storage).build(SESSION))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("broker must be set");
    }
}
