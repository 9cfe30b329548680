package dev.orb.sim.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orb.domain.Bar;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.MarketTime;
import dev.orb.domain.Order;
import dev.orb.domain.OrderEventType;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.OrderRequest;
import dev.orb.domain.OrderSide;
import dev.orb.domain.OrderStatus;
import dev.orb.domain.OrderType;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TimeInForce;
import dev.orb.domain.Timeframe;
import dev.orb.ports.BrokerException;
import dev.orb.sim.SimulatedClock;
import dev.orb.sim.fill.FillModel;

/** The broker side on its own: what it accepts, what it tells, and where its fills come from. */
class SimulatedBrokerTest {
    private static final LocalDate DAY = LocalDate.of(2024, 3, 12);
    private static final Symbol AAA = Symbol.of("AAA");

    private final SimulatedClock clock = SimulatedClock.startingAt(at("09:35"));
    private final SimulatedBroker broker = new SimulatedBroker(clock, FillModel.defaults(), DAY,
            new BigDecimal("25000"), new BigDecimal("4"));
    private final List<OrderUpdate> updates = new ArrayList<>();

    SimulatedBrokerTest() {
        broker.subscribe(updates::add);
    }

    @Test
    void otoEntry_isNewWithItsStopLegHeld_andSubmittingTheSameIdAgainReturnsTheSameOrder() {
        Order first = broker.submit(entry());
        Order again = broker.submit(entry());
        assertThat(again).isEqualTo(first);
        assertThat(first.status()).isEqualTo(OrderStatus.NEW);
        assertThat(first.legs()).singleElement().satisfies(leg -> {
            assertThat(leg.status()).isEqualTo(OrderStatus.HELD);
            assertThat(leg.stopPrice()).isEqualTo(Price.of("50.30"));
            assertThat(leg.side()).isEqualTo(OrderSide.SELL);
        });
        assertThat(updates).extracting(OrderUpdate::type).containsExactly(OrderEventType.NEW);
        assertThat(broker.activeSymbols()).containsExactly(AAA);
    }

    @Test
    void ordersOtherThanOtoStopEntries_areRefused() {
        OrderRequest market = OrderRequest.market(ClientOrderId.of(DAY, AAA, OrderPurpose.ENTRY, 1), AAA,
                OrderSide.BUY, 10);
        assertThatThrownBy(() -> broker.submit(market)).isInstanceOf(BrokerException.class)
                .satisfies(e -> assertThat(((BrokerException) e).rejected()).isTrue());
        assertThatThrownBy(() -> broker.closePosition(AAA)).isInstanceOf(BrokerException.class)
                .hasMessageContaining("no position in AAA");
    }

    @Test
    void entryBarThatAlsoReachesTheStop_fillsTheEntryActivatesTheLegAndFillsItAtTheStop() {
        broker.submit(entry());
        clock.advanceTo(at("09:40"));
        broker.onBar(bar("09:40 50.25 50.55 50.20 50.30"));
        assertThat(updates).extracting(OrderUpdate::type).containsExactly(OrderEventType.NEW, OrderEventType.FILL,
                OrderEventType.NEW, OrderEventType.FILL);
        assertThat(updates.get(1).fill().price()).isEqualTo(Price.of("50.50"));
        assertThat(updates.get(3).fill().price()).isEqualTo(Price.of("50.30"));
        assertThat(updates.get(3).fill().time()).isEqualTo(at("09:40"));
        assertThat(broker.activeSymbols()).isEmpty();
        // −0.20 × 99 − 2 × 0.0035 × 99
        assertThat(broker.account().equity()).isEqualByComparingTo("24979.507");
    }

    @Test
    void closePosition_cancelsTheLeg_andFillsAtTheLastBarsCloseTimedAtItsStart() {
        broker.submit(entry());
        broker.onBar(bar("09:35 50.60 50.80 50.55 50.70"));
        clock.advanceTo(at("11:00"));
        broker.onBar(bar("11:00 50.60 50.65 50.58 50.62"));
        clock.advanceTo(at("15:55"));
        updates.clear();
        broker.closePosition(AAA);
        assertThat(updates).extracting(u -> u.type() + " " + u.order().type()).containsExactly("CANCELED STOP",
                "NEW MARKET", "FILL MARKET");
        assertThat(updates.get(2).fill().price()).isEqualTo(Price.of("50.62"));
        assertThat(updates.get(2).fill().time()).isEqualTo(at("11:00"));
        assertThat(broker.positions()).isEmpty();
    }

    @Test
    void cancellingAnUnfilledEntry_cancelsItsLeg_andLaterBarsAreIgnored() {
        Order o = broker.submit(entry());
        broker.cancel(o.brokerOrderId());
        broker.onBar(bar("09:35 50.60 50.80 50.55 50.70"));
        assertThat(updates).extracting(u -> u.type() + " " + u.order().status()).containsExactly("NEW NEW",
                "CANCELED CANCELED", "CANCELED CANCELED");
        assertThat(broker.openOrders()).isEmpty();
        assertThat(broker.activeSymbols()).isEmpty();
        assertThatThrownBy(() -> broker.cancel("nope")).isInstanceOf(BrokerException.class);
    }

    private static OrderRequest entry() {
        return new OrderRequest(ClientOrderId.of(DAY, AAA, OrderPurpose.ENTRY, 1), AAA, OrderSide.BUY, OrderType.STOP,
                99, Price.of("50.50"), null, TimeInForce.DAY, Price.of("50.30"));
    }

    private static Bar bar(String spec) {
        String[] p = spec.split(" ");
        return new Bar(AAA, at(p[0]), Timeframe.ONE_MINUTE, Price.of(p[1]), Price.of(p[2]), Price.of(p[3]),
                Price.of(p[4]), 1000);
    }

    private static java.time.Instant at(String hhmm) {
        return ZonedDateTime.of(DAY, LocalTime.parse(hhmm), MarketTime.NEW_YORK).toInstant();
    }
}
