package dev.orb.adapter.alpaca.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonParser;

import dev.orb.domain.Order;
import dev.orb.domain.OrderEventType;
import dev.orb.domain.OrderStatus;
import dev.orb.domain.TimeInForce;
import dev.orb.ports.BrokerException;
import dev.orb.ports.BulkResult;
import net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderSide;
import net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderTimeInForce;
import net.jacobpeterson.alpaca.util.gson.GsonUtil;

/** Translation edge cases: the shapes Alpaca sends that are easy to get wrong. */
class MappingTest {
    private static net.jacobpeterson.alpaca.model.endpoint.orders.Order alpaca(String json) {
        return GsonUtil.GSON.fromJson(json, net.jacobpeterson.alpaca.model.endpoint.orders.Order.class);
    }

    @Test
    void fractionalQuantityOfAForeignOrder_isRoundedAwayFromZero() {
        Order o = OrderMapper.toDomain(alpaca("{\"id\":\"o\",\"client_order_id\":\"x\",\"symbol\":\"AAPL\","
                + "\"side\":\"buy\",\"type\":\"market\",\"qty\":\"1.5\",\"filled_qty\":\"0.5\",\"status\":\"filled\","
                + "\"time_in_force\":\"day\",\"filled_avg_price\":\"105.8988475\"}"));

        assertThat(o.quantity()).isEqualTo(2);
        assertThat(o.filledQuantity()).isEqualTo(1);
        assertThat(o.filledAvgPrice()).isEqualByComparingTo("105.8988475");
    }

    @Test
    void notionalOrderWithoutQuantity_readsAsZeroShares() {
        Order o = OrderMapper.toDomain(alpaca("{\"id\":\"o\",\"client_order_id\":\"x\",\"symbol\":\"AAPL\","
                + "\"notional\":\"500\",\"qty\":null,\"side\":\"buy\",\"type\":\"market\",\"filled_qty\":\"0\","
                + "\"status\":\"accepted\",\"time_in_force\":\"day\"}"));

        assertThat(o.quantity()).isZero();
        assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void orderWithoutSide_cannotBeRepresented_andSaysSo() {
        assertThatThrownBy(() -> OrderMapper.toDomain(alpaca("{\"id\":\"o-7\",\"client_order_id\":\"x\","
                + "\"symbol\":\"AAPL\",\"side\":\"sell_short\",\"type\":\"market\",\"qty\":\"1\"}")))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.rejected()).isFalse();
                    assertThat(e.getMessage()).contains("o-7", "side");
                });
    }

    @Test
    void intradayTimesInForce_readAsDay_unknownAsGtc() {
        assertThat(OrderMapper.timeInForce(OrderTimeInForce.IMMEDIATE_OR_CANCEL)).isEqualTo(TimeInForce.DAY);
        assertThat(OrderMapper.timeInForce(OrderTimeInForce.OPG)).isEqualTo(TimeInForce.DAY);
        assertThat(OrderMapper.timeInForce(OrderTimeInForce.GOOD_UNTIL_CANCELLED)).isEqualTo(TimeInForce.GTC);
        assertThat(OrderMapper.timeInForce(null)).isEqualTo(TimeInForce.GTC);
        assertThat(OrderMapper.side(OrderSide.SELL, "o")).isEqualTo(dev.orb.domain.OrderSide.SELL);
    }

    @Test
    void everyAlpacaStatus_hasADomainStatus() {
        for (var s : net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderStatus.values()) {
            assertThat(OrderMapper.status(s).name()).isEqualTo(s.name());
        }
    }

    @Test
    void eventNames_mapToEventTypes_unknownToUnknown() {
        assertThat(TradeEvent.type("partial_fill")).isEqualTo(OrderEventType.PARTIAL_FILL);
        assertThat(TradeEvent.type("restated")).isEqualTo(OrderEventType.RESTATED);
        assertThat(TradeEvent.type("order_cancel_rejected")).isEqualTo(OrderEventType.UNKNOWN);
    }

    @Test
    void bulkItemWithoutStatus_isReportedAsFailed_andBodyWithoutMessageStillNamesTheStatus() {
        BulkResult r = BulkResponses.parse(JsonParser.parseString("[{\"id\":\"a\"},{\"id\":\"b\",\"status\":500}]"),
                "id", "DELETE /v2/orders");

        assertThat(r.succeeded()).isEmpty();
        assertThat(r.failed()).containsExactly(new BulkResult.Failure("a", "no status"),
                new BulkResult.Failure("b", "HTTP 500"));
    }

    @Test
    void bulkAnswerThatIsNotAList_isAnUnknownOutcome() {
        assertThatThrownBy(() -> BulkResponses.parse(JsonParser.parseString("{\"code\":50000000}"), "id", "DELETE"))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.rejected()).isFalse());
    }
}
