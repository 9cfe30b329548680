package dev.orb.adapter.jdbc;

import static dev.orb.adapter.jdbc.Samples.DECIDED;
import static dev.orb.adapter.jdbc.Samples.SESSION;
import static dev.orb.adapter.jdbc.Samples.acknowledgedOrder;
import static dev.orb.adapter.jdbc.Samples.entryId;
import static dev.orb.adapter.jdbc.Samples.fill;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.orb.domain.Direction;
import dev.orb.domain.OrderEventType;
import dev.orb.domain.OrderStatus;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradeRecord;
import dev.orb.ports.query.EquityPoint;
import dev.orb.ports.query.Page;
import dev.orb.ports.query.PageRequest;
import dev.orb.ports.query.SignalChain;
import dev.orb.ports.query.TradeFilter;
import dev.orb.ports.query.TradeStatus;

/** AuditQueries: the dashboard's read side. */
abstract class QueryContract extends StorageContract {

    @Test
    void signalChains_joinSignalOrderEventsAndFills_withLatencies() {
        storage.saveSignal(Samples.submitted("AAPL", 1, DECIDED),
                Optional.of(acknowledgedOrder("AAPL", DECIDED, DECIDED.plusMillis(120))));
        storage.saveSignal(Samples.skipped("MSFT", 2, DECIDED), Optional.empty());
        storage.recordOrderEvent(Samples.accepted("AAPL", DECIDED.plusMillis(118)));
        storage.recordOrderEvent(fill("AAPL", "exec-1", 50, 50, "101.52", DECIDED.plusMillis(2_500)));
        storage.recordOrderEvent(fill("AAPL", "exec-2", 100, 150, "101.53", DECIDED.plusMillis(2_700)));

        List<SignalChain> chains = storage.signalChains(SESSION);

        assertThat(chains).hasSize(2);
        SignalChain aapl = chains.get(0);
        assertThat(aapl.signal().symbol()).isEqualTo(Symbol.of("AAPL"));
        assertThat(aapl.order()).isPresent();
        assertThat(aapl.events()).extracting(OrderUpdate::type).containsExactly(OrderEventType.NEW,
                OrderEventType.PARTIAL_FILL, OrderEventType.FILL);
        assertThat(aapl.fills()).extracting(f -> f.executionId()).containsExactly("exec-1", "exec-2");
        assertThat(aapl.signalToAckMillis()).hasValue(120);
        assertThat(aapl.ackToFillMillis()).hasValue(2_380);
        assertThat(aapl.signalToFillMillis()).hasValue(2_500);

        SignalChain msft = chains.get(1);
        assertThat(msft.order()).isEmpty();
        assertThat(msft.events()).isEmpty();
        assertThat(msft.signalToAckMillis()).isEmpty();
        assertThat(msft.signalToFillMillis()).isEmpty();
    }

    @Test
    void signalChains_carryTheLegsEvents_exactlyAsEachOrdersOwnEvents() {
        storage.saveSignal(Samples.submitted("AAPL", 1, DECIDED),
                Optional.of(acknowledgedOrder("AAPL", DECIDED, DECIDED.plusMillis(120))));
        storage.saveSignal(Samples.submitted("MSFT", 2, DECIDED),
                Optional.of(acknowledgedOrder("MSFT", DECIDED, DECIDED.plusMillis(130))));
        storage.saveSignal(Samples.skipped("TSLA", 3, DECIDED), Optional.empty());
        storage.recordOrderEvent(Samples.accepted("AAPL", DECIDED.plusMillis(118)));
        storage.recordOrderEvent(Samples.accepted("MSFT", DECIDED.plusMillis(119)));
        storage.recordOrderEvent(new OrderUpdate(OrderEventType.FILL, Samples.stopLeg("AAPL").with(OrderStatus.FILLED,
                150, new BigDecimal("100.98"), DECIDED.plusSeconds(600)), new dev.orb.domain.Fill("exec-leg",
                "broker-AAPL-leg", Samples.stopLeg("AAPL").clientOrderId(), Samples.stopLeg("AAPL").symbol(),
                dev.orb.domain.OrderSide.SELL, 150, Samples.p("100.98"), DECIDED.plusSeconds(600)),
                DECIDED.plusSeconds(600)));
        storage.recordOrderEvent(fill("AAPL", "exec-1", 150, 150, "101.52", DECIDED.plusMillis(2_500)));

        List<SignalChain> chains = storage.signalChains(SESSION);

        assertThat(chains).extracting(c -> c.signal().symbol().value()).containsExactly("AAPL", "MSFT", "TSLA");
        assertThat(chains.get(0).events()).extracting(u -> u.order().brokerOrderId())
                .containsExactly("broker-AAPL", "broker-AAPL", "broker-AAPL-leg");
        for (SignalChain chain : chains.subList(0, 2)) {
            assertThat(chain.events()).usingRecursiveComparison()
                    .isEqualTo(storage.orderEvents(chain.signal().clientOrderId()));
        }
        assertThat(chains.get(1).events()).extracting(u -> u.order().brokerOrderId()).containsExactly("broker-MSFT");
        assertThat(chains.get(2).events()).isEmpty();
    }

    @Test
    void trades_areFilteredAndPaged_newestFirst() {
        TradeRecord a = Samples.openTrade("AAPL", SESSION, Direction.LONG, DECIDED.plusSeconds(10));
        TradeRecord b = Samples.closed(Samples.openTrade("MSFT", SESSION, Direction.SHORT, DECIDED.plusSeconds(20)),
                DECIDED.plusSeconds(999));
        TradeRecord c = Samples.closed(Samples.openTrade("AAPL", SESSION.minusDays(1), Direction.LONG,
                DECIDED.minusSeconds(86_000)), DECIDED.minusSeconds(80_000));
        TradeRecord d = Samples.openTrade("TSLA", SESSION.minusDays(2), Direction.SHORT, DECIDED.minusSeconds(170_000));
        for (TradeRecord t : List.of(a, b, c, d)) {
            storage.upsertTrade(t);
        }

        assertThat(symbols(storage.trades(TradeFilter.all(), PageRequest.first(10)))).containsExactly("MSFT", "AAPL", "AAPL", "TSLA");
        assertThat(symbols(storage.trades(TradeFilter.all().withSymbol(Symbol.of("AAPL")), PageRequest.first(10))))
                .containsExactly("AAPL", "AAPL");
        assertThat(symbols(storage.trades(TradeFilter.all().withDirection(Direction.SHORT), PageRequest.first(10))))
                .containsExactly("MSFT", "TSLA");
        assertThat(symbols(storage.trades(TradeFilter.all().withStatus(TradeStatus.OPEN), PageRequest.first(10))))
                .containsExactly("AAPL", "TSLA");
        assertThat(symbols(storage.trades(TradeFilter.all().withStatus(TradeStatus.CLOSED)
                .between(SESSION.minusDays(1), SESSION.minusDays(1)), PageRequest.first(10)))).containsExactly("AAPL");
        Page<TradeRecord> second = storage.trades(TradeFilter.all(), new PageRequest(1, 2));
        assertThat(symbols(second)).containsExactly("AAPL", "AAPL");
        assertThat(second.total()).isEqualTo(4);
        assertThat(second.items().get(1)).usingRecursiveComparison(BY_VALUE).isEqualTo(c);
    }

    @Test
    void equityCurve_accumulatesPnl_andTracksDrawdownExactly() {
        storage.saveDailyMetrics(Samples.metrics(SESSION.minusDays(2), "100000.00", "101000.10"));
        storage.saveDailyMetrics(Samples.metrics(SESSION.minusDays(1), "101000.10", "100500.05"));
        storage.saveDailyMetrics(Samples.metrics(SESSION, "100500.05", "101200.00"));

        List<EquityPoint> curve = storage.equityCurve(SESSION.minusDays(2), SESSION);

        assertThat(curve).extracting(EquityPoint::session).containsExactly(SESSION.minusDays(2), SESSION.minusDays(1), SESSION);
        assertThat(curve.get(1).cumulativePnl()).isEqualByComparingTo("500.05");
        assertThat(curve.get(1).drawdown()).isEqualByComparingTo("-500.05");
        assertThat(curve.get(2).cumulativePnl()).isEqualByComparingTo("1200.00");
        assertThat(curve.get(2).drawdown()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void orderEvents_ofAnUnknownOrder_areEmpty() {
        storage.recordOrderEvent(fill("AAPL", "exec-1", 150, 150, "101.52", DECIDED));

        assertThat(storage.orderEvents(entryId("MSFT"))).isEmpty();
        assertThat(storage.orderEvents(entryId("AAPL"))).singleElement()
                .satisfies(u -> assertThat(u.order().status()).isEqualTo(OrderStatus.FILLED));
    }

    private static List<String> symbols(Page<TradeRecord> page) {
        return page.items().stream().map(t -> t.symbol().value()).toList();
    }
}
