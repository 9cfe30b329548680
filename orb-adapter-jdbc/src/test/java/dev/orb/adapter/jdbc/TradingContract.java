package dev.orb.adapter.jdbc;

import static dev.orb.adapter.jdbc.Samples.DECIDED;
import static dev.orb.adapter.jdbc.Samples.SESSION;
import static dev.orb.adapter.jdbc.Samples.accepted;
import static dev.orb.adapter.jdbc.Samples.acknowledgedOrder;
import static dev.orb.adapter.jdbc.Samples.entryId;
import static dev.orb.adapter.jdbc.Samples.fill;
import static dev.orb.adapter.jdbc.Samples.pendingOrder;
import static dev.orb.adapter.jdbc.Samples.skipped;
import static dev.orb.adapter.jdbc.Samples.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.orb.domain.DailyMetrics;
import dev.orb.domain.Direction;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.OrderEventType;
import dev.orb.domain.OrderRecord;
import dev.orb.domain.OrderStatus;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.SignalRecord;
import dev.orb.domain.TradeRecord;

/** TradingStore: signals, orders, broker events, trades and daily metrics. */
abstract class TradingContract extends StorageContract {

    @Test
    void saveSignal_withItsOrder_storesBoth() {
        SignalRecord signal = submitted("AAPL", 1, DECIDED);
        OrderRecord order = pendingOrder("AAPL", DECIDED);
        storage.saveSignal(signal, Optional.of(order));

        assertThat(storage.signals(SESSION)).containsExactly(signal);
        assertThat(storage.order(entryId("AAPL"))).contains(order);
    }

    @Test
    void saveSignal_isOneTransaction_aFailingSignalLeavesNoOrder() throws Exception {
        // A constraint the domain does not know makes the second statement of the transaction fail.
        execute("ALTER TABLE signals ADD CONSTRAINT test_no_msft CHECK (symbol <> 'MSFT')");

        assertThatThrownBy(() -> storage.saveSignal(submitted("MSFT", 1, DECIDED),
                Optional.of(pendingOrder("MSFT", DECIDED)))).isInstanceOf(StorageException.class);
        assertThat(storage.order(entryId("MSFT"))).isEmpty();
        assertThat(storage.signals(SESSION)).isEmpty();
    }

    @Test
    void saveSignal_submittedWithoutAnyOrder_isRefused_andStoresNothing() {
        assertThatThrownBy(() -> storage.saveSignal(submitted("AAPL", 1, DECIDED), Optional.empty()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("AAPL");
        assertThat(storage.signals(SESSION)).isEmpty();

        storage.upsertOrder(pendingOrder("AAPL", DECIDED));
        storage.saveSignal(submitted("AAPL", 1, DECIDED), Optional.empty());
        assertThat(storage.signals(SESSION)).hasSize(1);
    }

    @Test
    void saveSignal_withAnotherSignalsOrder_isRefused() {
        assertThatThrownBy(() -> storage.saveSignal(submitted("AAPL", 1, DECIDED), Optional.of(pendingOrder("MSFT", DECIDED))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("MSFT");
        assertThatThrownBy(() -> storage.saveSignal(skipped("AAPL", 1, DECIDED), Optional.of(pendingOrder("AAPL", DECIDED))))
                .isInstanceOf(InvalidValueException.class);
        assertThat(storage.orders(SESSION)).isEmpty();
    }

    @Test
    void saveSignal_again_replacesTheSameDecision_andSignalsAreByRank() {
        storage.saveSignal(skipped("TSLA", 3, DECIDED), Optional.empty());
        storage.saveSignal(submitted("AAPL", 2, DECIDED), Optional.of(pendingOrder("AAPL", DECIDED)));
        storage.saveSignal(submitted("AAPL", 2, DECIDED), Optional.of(pendingOrder("AAPL", DECIDED)));
        storage.saveSignal(skipped("NVDA", 1, DECIDED.plusMillis(1)), Optional.empty());

        assertThat(storage.signals(SESSION)).extracting(s -> s.symbol().value()).containsExactly("NVDA", "AAPL", "TSLA");
        assertThat(storage.signals(SESSION.plusDays(1))).isEmpty();
    }

    @Test
    void orders_roundTripEveryField_andListBySubmissionTime() {
        OrderRecord late = pendingOrder("MSFT", DECIDED.plusSeconds(2));
        OrderRecord early = acknowledgedOrder("AAPL", DECIDED, DECIDED.plusMillis(120));
        OrderRecord rejected = pendingOrder("TSLA", DECIDED.plusSeconds(1)).rejected("insufficient buying power",
                DECIDED.plusSeconds(3));
        storage.upsertOrder(late);
        storage.upsertOrder(early);
        storage.upsertOrder(rejected);

        assertThat(storage.orders(SESSION)).containsExactly(early, rejected, late);
        assertThat(storage.order(entryId("MSFT"))).contains(late);
        assertThat(storage.order(entryId("NONE"))).isEmpty();
    }

    @Test
    void upsertOrder_replacesByClientOrderId() {
        OrderRecord pending = pendingOrder("AAPL", DECIDED);
        storage.upsertOrder(pending);
        OrderRecord filled = new OrderRecord(pending.clientOrderId(), SESSION, pending.symbol(), pending.purpose(),
                pending.side(), pending.type(), 150, pending.stopPrice(), pending.stopLossPrice(), "b-1",
                OrderStatus.FILLED, 150, new BigDecimal("101.5233333333333"), DECIDED, DECIDED.plusMillis(80),
                DECIDED.plusSeconds(3), null);
        storage.upsertOrder(filled);

        assertThat(storage.orders(SESSION)).singleElement().usingRecursiveComparison(BY_VALUE).isEqualTo(filled);
    }

    @Test
    void recordOrderEvent_storesEveryEvent_butADuplicateFillOnlyOnce() {
        OrderUpdate ack = accepted("AAPL", DECIDED.plusMillis(100));
        OrderUpdate partial = fill("AAPL", "exec-1", 50, 50, "101.52", DECIDED.plusSeconds(2));
        OrderUpdate rest = fill("AAPL", "exec-2", 100, 150, "101.53", DECIDED.plusSeconds(3));

        assertThat(storage.recordOrderEvent(ack)).isTrue();
        assertThat(storage.recordOrderEvent(ack)).as("non-fill events are all kept").isTrue();
        assertThat(storage.recordOrderEvent(partial)).isTrue();
        assertThat(storage.recordOrderEvent(partial)).as("replayed fill").isFalse();
        assertThat(storage.recordOrderEvent(rest)).isTrue();

        List<OrderUpdate> events = storage.orderEvents(entryId("AAPL"));
        assertThat(events).extracting(OrderUpdate::type).containsExactly(OrderEventType.NEW, OrderEventType.NEW,
                OrderEventType.PARTIAL_FILL, OrderEventType.FILL);
        assertThat(events.get(2)).usingRecursiveComparison(BY_VALUE).isEqualTo(partial);
        assertThat(events.get(3).fill()).isEqualTo(rest.fill());
        // Legs are not kept on the events themselves (they live in order_legs).
        assertThat(events.get(0).order().legs()).isEmpty();
        assertThat(events.get(0).order()).usingRecursiveComparison(BY_VALUE).ignoringFields("legs").isEqualTo(ack.order());
    }

    @Test
    void concurrentReplaysOfOneFill_storeItOnce() throws Exception {
        OrderUpdate f = fill("AAPL", "exec-race", 150, 150, "101.52", DECIDED.plusSeconds(2));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> storage.recordOrderEvent(f)));
            }
            int stored = 0;
            for (Future<Boolean> r : results) {
                stored += r.get() ? 1 : 0;
            }
            assertThat(stored).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM order_events WHERE execution_id = 'exec-race'")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void orderEvents_includeTheEventsOfTheOrdersLegs() {
        storage.recordOrderEvent(accepted("AAPL", DECIDED.plusMillis(100)));
        OrderUpdate legFill = new OrderUpdate(OrderEventType.FILL, Samples.stopLeg("AAPL").with(OrderStatus.FILLED, 150,
                new BigDecimal("100.98"), DECIDED.plusSeconds(600)), new dev.orb.domain.Fill("exec-leg",
                "broker-AAPL-leg", Samples.stopLeg("AAPL").clientOrderId(), Samples.stopLeg("AAPL").symbol(),
                dev.orb.domain.OrderSide.SELL, 150, Samples.p("100.98"), DECIDED.plusSeconds(600)),
                DECIDED.plusSeconds(600));
        storage.recordOrderEvent(legFill);
        storage.recordOrderEvent(accepted("MSFT", DECIDED));

        assertThat(storage.orderEvents(entryId("AAPL"))).extracting(u -> u.order().brokerOrderId())
                .containsExactly("broker-AAPL", "broker-AAPL-leg");
    }

    @Test
    void trades_roundTripOpenAndClosed_bySessionThenSymbol() {
        TradeRecord open = Samples.openTrade("MSFT", SESSION, Direction.SHORT, DECIDED.plusSeconds(5));
        TradeRecord closed = Samples.closed(Samples.openTrade("AAPL", SESSION, Direction.LONG, DECIDED), DECIDED.plusSeconds(3600));
        TradeRecord earlier = Samples.openTrade("ZM", SESSION.minusDays(1), Direction.LONG, DECIDED.minusSeconds(86_400));
        storage.upsertTrade(open);
        storage.upsertTrade(closed);
        storage.upsertTrade(earlier);

        assertSameValues(storage.trades(SESSION.minusDays(1), SESSION), List.of(earlier, closed, open));
        assertSameValues(storage.trades(SESSION, SESSION), List.of(closed, open));
    }

    @Test
    void upsertTrade_replacesByEntryOrderId() {
        TradeRecord open = Samples.openTrade("AAPL", SESSION, Direction.LONG, DECIDED);
        storage.upsertTrade(open);
        TradeRecord closed = Samples.closed(open, DECIDED.plusSeconds(100));
        storage.upsertTrade(closed);

        assertSameValues(storage.trades(SESSION, SESSION), List.of(closed));
    }

    @Test
    void dailyMetrics_roundTripExactly_oldestFirst_andReplaceBySession() {
        LocalDate d1 = SESSION.minusDays(3);
        storage.saveDailyMetrics(Samples.metrics(SESSION, "100250.55", "100120.05"));
        storage.saveDailyMetrics(Samples.metrics(d1, "100000.00", "100250.55"));
        DailyMetrics replaced = new DailyMetrics(SESSION, new BigDecimal("100250.55"), new BigDecimal("99000.123456789012"),
                new BigDecimal("-1250.426543210988"), 5, 1, 4, new BigDecimal("3.50"));
        storage.saveDailyMetrics(replaced);

        assertSameValues(storage.dailyMetrics(d1, SESSION), List.of(Samples.metrics(d1, "100000.00", "100250.55"), replaced));
        assertThat(storage.dailyMetrics(SESSION.plusDays(1), SESSION.plusDays(9))).isEmpty();
    }

    @Test
    void ordersOfOtherSessions_andTimesFarApart_doNotMix() {
        OrderRecord today = pendingOrder("AAPL", DECIDED);
        storage.upsertOrder(today);
        Instant tomorrow = DECIDED.plusSeconds(86_400);
        OrderRecord other = new OrderRecord(dev.orb.domain.ClientOrderId.of(SESSION.plusDays(1), today.symbol(),
                today.purpose(), 1), SESSION.plusDays(1), today.symbol(), today.purpose(), today.side(), today.type(), 1,
                today.stopPrice(), null, null, OrderStatus.PENDING_NEW, 0, null, tomorrow, null, tomorrow, null);
        storage.upsertOrder(other);

        assertThat(storage.orders(SESSION)).containsExactly(today);
        assertThat(storage.orders(SESSION.plusDays(1))).containsExactly(other);
    }
}
