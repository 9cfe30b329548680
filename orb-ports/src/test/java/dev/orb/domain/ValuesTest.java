package dev.orb.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import org.junit.jupiter.api.Test;

/** Construction-time validation of the domain values: bad input never becomes a value, and the message says where. */
class ValuesTest {
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Instant T = Instant.parse("2024-03-11T13:30:00Z");

    @Test
    void symbolsAreOneToTenTickerCharacters() {
        assertThat(Symbol.of("BRK.B").value()).isEqualTo("BRK.B");
        assertThat(Symbol.of("KIMpL").value()).isEqualTo("KIMpL");
        assertThatThrownBy(() -> Symbol.of("ABCDEFGHIJK")).hasMessageContaining("Symbol.value: 'ABCDEFGHIJK'");
        assertThatThrownBy(() -> Symbol.of("")).hasMessageContaining("Symbol.value");
        assertThatThrownBy(() -> Symbol.of("AB CD")).hasMessageContaining("'AB CD'");
        assertThatThrownBy(() -> new Symbol(null)).hasMessageContaining("Symbol.value: must not be null");
    }

    @Test
    void barsCheckOhlcConsistencyNamingSymbolAndTime() {
        assertThatThrownBy(() -> new Bar(AAPL, T, Timeframe.ONE_MINUTE, Price.of("10.00"), Price.of("9.50"),
                Price.of("9.00"), Price.of("9.20"), 100)).hasMessageContaining("Bar.high: 9.50 is below open 10.00")
                .hasMessageContaining("AAPL 2024-03-11T13:30:00Z");
        assertThatThrownBy(() -> new Bar(AAPL, T, Timeframe.ONE_MINUTE, Price.of("10.00"), Price.of("10.50"),
                Price.of("10.10"), Price.of("10.20"), 100)).hasMessageContaining("Bar.low: 10.10 is above open");
        assertThatThrownBy(() -> new Bar(AAPL, T, Timeframe.ONE_MINUTE, Price.of("10.00"), Price.of("10.50"),
                Price.of("9.90"), Price.of("10.20"), -1)).hasMessageContaining("Bar.volume: -1");
    }

    @Test
    void orderIntentsRefuseOffTickPricesAndStopsOnTheWrongSide() {
        ClientOrderId id = ClientOrderId.of(LocalDate.of(2024, 3, 11), AAPL, OrderPurpose.ENTRY, 1);
        LocalDate d = LocalDate.of(2024, 3, 11);
        assertThatThrownBy(() -> new OrderIntent(id, d, AAPL, Direction.LONG, Price.of("10.005"), Price.of("9.90"), 10,
                TimeInForce.DAY)).hasMessageContaining("OrderIntent.entryStop: 10.005 is not on the tick");
        assertThatThrownBy(() -> new OrderIntent(id, d, AAPL, Direction.LONG, Price.of("10.00"), Price.of("10.10"), 10,
                TimeInForce.DAY)).hasMessageContaining("must be below the entry 10.00");
        assertThatThrownBy(() -> new OrderIntent(id, d, AAPL, Direction.SHORT, Price.of("10.00"), Price.of("9.90"), 10,
                TimeInForce.DAY)).hasMessageContaining("must be above the entry");
        assertThatThrownBy(() -> new OrderIntent(id, d, AAPL, Direction.LONG, Price.of("10.00"), Price.of("9.90"), 0,
                TimeInForce.DAY)).hasMessageContaining("OrderIntent.shares: 0 must be positive");
        OrderIntent ok = new OrderIntent(id, d, AAPL, Direction.LONG, Price.of("10.00"), Price.of("9.90"), 100,
                TimeInForce.DAY);
        assertThat(ok.plannedRisk()).isEqualByComparingTo("10.00");
        assertThat(OrderRequest.entry(ok).isOneTriggersOther()).isTrue();
    }

    @Test
    void orderRequestsNeedTheirPricesAndNothingElse() {
        ClientOrderId id = new ClientOrderId("x-1");
        assertThatThrownBy(() -> new OrderRequest(id, AAPL, OrderSide.BUY, OrderType.STOP, 1, null, null,
                TimeInForce.DAY, null)).hasMessageContaining("OrderRequest.stopPrice: null is required for STOP");
        assertThatThrownBy(() -> new OrderRequest(id, AAPL, OrderSide.BUY, OrderType.MARKET, 1, Price.of("1.00"), null,
                TimeInForce.DAY, null)).hasMessageContaining("is not allowed for MARKET");
    }

    @Test
    void orbClientOrderIdsRoundTripAndForeignOnesDoNotParse() {
        ClientOrderId id = ClientOrderId.of(LocalDate.of(2024, 3, 11), Symbol.of("BRK-B"), OrderPurpose.PROTECTIVE_STOP, 12);
        assertThat(id.value()).isEqualTo("orb-20240311-BRK-B-S-12");
        assertThat(id.parse()).contains(new ClientOrderId.Parts(LocalDate.of(2024, 3, 11), Symbol.of("BRK-B"),
                OrderPurpose.PROTECTIVE_STOP, 12));
        assertThat(new ClientOrderId("eb9e2aaa-f71a-4f51-b5b4-52a6c565dad4").parse()).isEmpty();
        assertThat(new ClientOrderId("orb-2024031-AAPL-E-1").parse()).isEmpty();
        assertThatThrownBy(() -> new ClientOrderId("x".repeat(49))).hasMessageContaining("must be 1-48 characters");
    }

    @Property
    void everyOrbIdFitsAlpacasLimitAndParsesBack(@ForAll @AlphaChars @StringLength(min = 1, max = 10) String ticker,
                                                 @ForAll @IntRange(min = 1, max = 9999) int attempt,
                                                 @ForAll @IntRange(min = 0, max = 36_500) int day) {
        LocalDate date = LocalDate.of(2000, 1, 1).plusDays(day);
        for (OrderPurpose purpose : OrderPurpose.values()) {
            ClientOrderId id = ClientOrderId.of(date, Symbol.of(ticker), purpose, attempt);
            assertThat(id.value().length()).isLessThanOrEqualTo(ClientOrderId.MAX_LENGTH);
            assertThat(id.parse()).contains(new ClientOrderId.Parts(date, Symbol.of(ticker), purpose, attempt));
        }
    }

    @Test
    void tradingSessionsLiveInNewYork() {
        TradingSession s = TradingSession.of(LocalDate.of(2024, 11, 4), LocalTime.of(9, 30), LocalTime.of(16, 0));
        assertThat(s.openInstant()).isEqualTo(Instant.parse("2024-11-04T14:30:00Z"));
        assertThat(TradingSession.regular(LocalDate.of(2024, 3, 11)).openInstant())
                .isEqualTo(Instant.parse("2024-03-11T13:30:00Z"));
        assertThat(TradingSession.of(LocalDate.of(2024, 11, 29), LocalTime.of(9, 30), LocalTime.of(13, 0))
                .isEarlyClose()).isTrue();
        assertThatThrownBy(() -> TradingSession.of(LocalDate.of(2024, 1, 2), LocalTime.of(16, 0), LocalTime.of(9, 30)))
                .hasMessageContaining("must be after open");
    }

    @Test
    void fillsAndUpdatesAreConsistent() {
        Order o = new Order("b-1", new ClientOrderId("c-1"), AAPL, OrderSide.BUY, OrderType.STOP, 10, 0,
                Price.of("10.00"), null, null, OrderStatus.NEW, TimeInForce.DAY, T, T, null);
        assertThatThrownBy(() -> new OrderUpdate(OrderEventType.FILL, o, null, T))
                .hasMessageContaining("OrderUpdate.fill: required for FILL of c-1");
        assertThatThrownBy(() -> new Fill("e-1", "b-1", new ClientOrderId("c-1"), AAPL, OrderSide.BUY, -5,
                Price.of("10.00"), T)).hasMessageContaining("Fill.quantity: -5 must be positive");
    }
}
