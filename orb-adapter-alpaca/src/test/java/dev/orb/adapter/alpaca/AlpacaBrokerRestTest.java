package dev.orb.adapter.alpaca;

import static dev.orb.adapter.alpaca.AlpacaJson.PAPER_KEY;
import static dev.orb.adapter.alpaca.AlpacaJson.PAPER_SECRET;
import static dev.orb.adapter.alpaca.AlpacaJson.array;
import static dev.orb.adapter.alpaca.AlpacaJson.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

import dev.orb.domain.Account;
import dev.orb.domain.Asset;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Order;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.OrderRequest;
import dev.orb.domain.OrderSide;
import dev.orb.domain.OrderStatus;
import dev.orb.domain.OrderType;
import dev.orb.domain.Position;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TimeInForce;
import dev.orb.ports.BrokerException;
import dev.orb.ports.BulkResult;
import okhttp3.mockwebserver.RecordedRequest;

/** The broker's REST calls against Alpaca-shaped answers from a MockWebServer. */
class AlpacaBrokerRestTest {
    private static final Symbol SPY = Symbol.of("SPY");
    private final AlpacaMock mock = new AlpacaMock();
    private final AlpacaBroker broker = mock.broker();

    @AfterEach
    void tearDown() {
        broker.close();
        mock.close();
    }

    static OrderRequest otoEntry() {
        return new OrderRequest(ClientOrderId.of(LocalDate.of(2024, 3, 11), SPY, OrderPurpose.ENTRY, 1), SPY,
                OrderSide.BUY, OrderType.STOP, 100, Price.of("301.50"), null, TimeInForce.DAY, Price.of("295.00"));
    }

    @Test
    void account_readsDocumentedFields_withKeysInHeadersOnPaperHost() {
        mock.enqueue(200, AlpacaJson.account());

        Account a = broker.account();

        assertThat(a.equity()).isEqualByComparingTo("103820.56");
        assertThat(a.lastEquity()).isEqualByComparingTo("103529.24");
        assertThat(a.buyingPower()).isEqualByComparingTo("262113.632");
        assertThat(a.multiplier()).isEqualTo(4);
        assertThat(a.patternDayTrader()).isFalse();
        assertThat(a.dayTradeCount()).isZero();
        assertThat(a.tradingBlocked()).isFalse();
        assertThat(a.accountBlocked()).isFalse();
        assertThat(a.shortingEnabled()).isTrue();
        RecordedRequest r = mock.take();
        assertThat(r.getPath()).isEqualTo("/v2/account");
        assertThat(r.getHeader("X-Test-Host")).isEqualTo("paper-api.alpaca.markets");
        assertThat(r.getHeader("APCA-API-KEY-ID")).isEqualTo(PAPER_KEY);
        assertThat(r.getHeader("APCA-API-SECRET-KEY")).isEqualTo(PAPER_SECRET);
    }

    @Test
    void account_notActive_readsAsTradingBlocked() {
        mock.enqueue(200, AlpacaJson.account().replace("\"status\":\"ACTIVE\"", "\"status\":\"ACCOUNT_CLOSED_NEW\""));

        assertThat(broker.account().tradingBlocked()).isTrue();
    }

    @Test
    void positions_signFollowsSide() {
        mock.enqueue(200, array(AlpacaJson.position("AAPL", "5", "long", "100.0", "120.0"),
                AlpacaJson.position("SQQQ", "-10", "short", "15.25", "14.80")));

        assertThat(broker.positions()).containsExactly(
                new Position(Symbol.of("AAPL"), 5, new BigDecimal("100.0"), new BigDecimal("120.0")),
                new Position(Symbol.of("SQQQ"), -10, new BigDecimal("15.25"), new BigDecimal("14.80")));
    }

    @Test
    void asset_readsShortableAndEasyToBorrow() {
        mock.enqueue(200, "{\"id\":\"904837e3\",\"class\":\"us_equity\",\"exchange\":\"NASDAQ\",\"symbol\":\"GME\","
                + "\"name\":\"GameStop\",\"status\":\"active\",\"tradable\":true,\"marginable\":true,\"shortable\":true,"
                + "\"easy_to_borrow\":false,\"fractionable\":true}");

        assertThat(broker.asset(Symbol.of("GME"))).isEqualTo(new Asset(Symbol.of("GME"), true, true, false));
        assertThat(mock.take().getPath()).isEqualTo("/v2/assets/GME");
    }

    @Test
    void openOrders_addsLegsWhoseFilledParentIsMissingFromTheNestedListing() {
        AlpacaJson.Order held = new AlpacaJson.Order("leg-1", "leg-c-1", "SPY").set("side", "sell")
                .set("stop_price", "295").set("status", "held");
        AlpacaJson.Order working = new AlpacaJson.Order("ord-1", "orb-20240311-SPY-E-1", "SPY")
                .set("stop_price", "301.5").set("order_class", "oto").legs(held);
        AlpacaJson.Order orphanLeg = new AlpacaJson.Order("leg-2", "leg-c-2", "AAPL").set("side", "sell")
                .set("stop_price", "170").set("status", "new");
        mock.enqueue(200, array(working.json()));
        mock.enqueue(200, array(new AlpacaJson.Order("ord-1", "orb-20240311-SPY-E-1", "SPY").json(), orphanLeg.json()));

        var open = broker.openOrders();

        assertThat(open).extracting(Order::brokerOrderId).containsExactly("ord-1", "leg-2");
        assertThat(open.get(0).legs()).singleElement().satisfies(l -> {
            assertThat(l.status()).isEqualTo(OrderStatus.HELD);
            assertThat(l.stopPrice()).isEqualTo(Price.of("295"));
        });
        assertThat(mock.take().getRequestUrl().queryParameter("nested")).isEqualTo("true");
        RecordedRequest flat = mock.take();
        assertThat(flat.getRequestUrl().queryParameter("nested")).isEqualTo("false");
        assertThat(flat.getRequestUrl().queryParameter("status")).isEqualTo("open");
        assertThat(flat.getRequestUrl().queryParameter("limit")).isEqualTo("500");
    }

    @Test
    void orderByClientOrderId_404_isEmpty() {
        mock.enqueue(404, error(40410000, "order not found"));

        assertThat(broker.orderByClientOrderId(new ClientOrderId("orb-20240311-SPY-E-1"))).isEmpty();
        RecordedRequest r = mock.take();
        assertThat(r.getRequestUrl().encodedPath()).isEqualTo("/v2/orders:by_client_order_id");
        assertThat(r.getRequestUrl().queryParameter("client_order_id")).isEqualTo("orb-20240311-SPY-E-1");
    }

    @Test
    void unknownEnumStrings_becomeUnknownInsteadOfFailing() {
        mock.enqueue(200, new AlpacaJson.Order("ord-9", "foreign-1", "TSLA").set("status", "pending_review")
                .set("type", "trailing_stop_limit").set("time_in_force", "gtd").json());

        Order o = broker.orderByClientOrderId(new ClientOrderId("foreign-1")).orElseThrow();

        assertThat(o.status()).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(o.status().isWorking()).isTrue();
        assertThat(o.type()).isEqualTo(OrderType.UNKNOWN);
        assertThat(o.timeInForce()).isEqualTo(TimeInForce.GTC);
    }

    @Test
    void submitOto_sendsStopEntryWithStopLossLegAtExactTickPrices() {
        mock.enqueue(200, new AlpacaJson.Order("ord-1", "orb-20240311-SPY-E-1", "SPY").set("stop_price", "301.5")
                .set("order_class", "oto").set("status", "accepted")
                .legs(new AlpacaJson.Order("ord-1-sl", "leg-1", "SPY").set("side", "sell").set("stop_price", "295")
                        .set("status", "held")).json());

        Order placed = broker.submit(otoEntry());

        JsonObject body = AlpacaJson.parse(mock.take().getBody().readUtf8());
        assertThat(body.get("order_class").getAsString()).isEqualTo("oto");
        assertThat(body.get("type").getAsString()).isEqualTo("stop");
        assertThat(body.get("side").getAsString()).isEqualTo("buy");
        assertThat(body.get("time_in_force").getAsString()).isEqualTo("day");
        assertThat(body.get("client_order_id").getAsString()).isEqualTo("orb-20240311-SPY-E-1");
        assertThat(body.get("stop_price").getAsString()).isEqualTo("301.50");
        assertThat(new BigDecimal(body.get("qty").getAsString())).isEqualByComparingTo("100");
        assertThat(new BigDecimal(body.getAsJsonObject("stop_loss").get("stop_price").getAsString()))
                .isEqualByComparingTo("295.00");
        assertThat(body.has("take_profit")).isFalse();
        assertThat(placed.legs()).singleElement().extracting(Order::stopPrice).isEqualTo(Price.of("295.00"));
    }

    @Test
    void submit_403InsufficientBuyingPower_isRejectedAtOnce() {
        mock.enqueue(403, "{\"buying_power\":\"176531.28\",\"code\":40310000,\"cost_basis\":\"48640000\","
                + "\"message\":\"insufficient buying power\"}");

        assertThatThrownBy(() -> broker.submit(otoEntry())).isInstanceOfSatisfying(BrokerException.class, e -> {
            assertThat(e.rejected()).isTrue();
            assertThat(e.getMessage()).contains("403", "40310000", "insufficient buying power")
                    .doesNotContain(PAPER_SECRET);
        });
        assertThat(mock.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void submit_422SubPenny_isRejectedAtOnce() {
        mock.enqueue(422, error(42210000, "invalid stop_price 290.123. sub-penny increment does not fulfill minimum "
                + "pricing criteria"));

        assertThatThrownBy(() -> broker.submit(otoEntry())).isInstanceOfSatisfying(BrokerException.class,
                e -> assertThat(e.rejected()).isTrue());
        assertThat(mock.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void cancelAll_reportsEachOrderOfTheMultiStatusAnswer() {
        mock.enqueue(207, "[{\"id\":\"497f6eca-6276-4993-bfeb-53cbbbba6f08\",\"status\":200},"
                + "{\"id\":\"72249bb6-1adb-4a4c-a5a4-51a4ec0ea57f\",\"status\":404,"
                + "\"body\":{\"code\":40410000,\"message\":\"order not found\"}}]");

        BulkResult r = broker.cancelAll();

        assertThat(r.succeeded()).containsExactly("497f6eca-6276-4993-bfeb-53cbbbba6f08");
        assertThat(r.failed()).containsExactly(new BulkResult.Failure("72249bb6-1adb-4a4c-a5a4-51a4ec0ea57f",
                "HTTP 404 (code 40410000): order not found"));
        RecordedRequest req = mock.take();
        assertThat(req.getMethod()).isEqualTo("DELETE");
        assertThat(req.getPath()).isEqualTo("/v2/orders");
    }

    @Test
    void closeAll_cancelsOrdersAndReportsEachSymbol() {
        mock.enqueue(207, "[{\"symbol\":\"AAPL\",\"status\":200,\"body\":"
                + new AlpacaJson.Order("c-1", "close-1", "AAPL").set("side", "sell").set("type", "market").json()
                + "},{\"symbol\":\"SQQQ\",\"status\":403,\"body\":{\"code\":40310000,\"message\":\"insufficient qty "
                + "available for order (requested: 1000, available: 0)\",\"symbol\":\"SQQQ\"}}]");

        BulkResult r = broker.closeAll();

        assertThat(r.succeeded()).containsExactly("AAPL");
        assertThat(r.failed()).singleElement().satisfies(f -> {
            assertThat(f.item()).isEqualTo("SQQQ");
            assertThat(f.reason()).isEqualTo("HTTP 403 (code 40310000): insufficient qty available for order "
                    + "(requested: 1000, available: 0)");
        });
        RecordedRequest req = mock.take();
        assertThat(req.getMethod()).isEqualTo("DELETE");
        assertThat(req.getPath()).isEqualTo("/v2/positions?cancel_orders=true");
    }

    @Test
    void cancel_ofAnOrderAlreadyFilled_isNotAnError() {
        mock.enqueue(422, error(42210000, "order is not cancelable"));
        mock.enqueue(200, new AlpacaJson.Order("ord-1", "c-1", "SPY").set("status", "filled")
                .filled("100", "301.52").json());

        broker.cancel("ord-1");

        assertThat(mock.take().getPath()).isEqualTo("/v2/orders/ord-1");
        assertThat(mock.take().getPath()).isEqualTo("/v2/orders/ord-1?nested=true");
    }

    @Test
    void cancel_ofAnOrderStillWorking_isRejected() {
        mock.enqueue(422, error(42210000, "order is not cancelable"));
        mock.enqueue(200, new AlpacaJson.Order("ord-1", "c-1", "SPY").set("status", "pending_replace").json());

        assertThatThrownBy(() -> broker.cancel("ord-1")).isInstanceOfSatisfying(BrokerException.class, e -> {
            assertThat(e.rejected()).isTrue();
            assertThat(e.getMessage()).contains("PENDING_REPLACE");
        });
    }

    @Test
    void closePosition_cancelsTheSymbolsOrdersThenRetriesWhileSharesAreHeld() {
        mock.enqueue(200, array(new AlpacaJson.Order("leg-1", "c-1", "AAPL").set("side", "sell").json()));
        mock.enqueue(204, "");
        mock.enqueue(403, error(40310000, "insufficient qty available for order (requested: 5, available: 0)"));
        mock.enqueue(200, new AlpacaJson.Order("close-1", "c-2", "AAPL").set("side", "sell").set("type", "market").json());

        broker.closePosition(Symbol.of("AAPL"));

        RecordedRequest list = mock.take();
        assertThat(list.getRequestUrl().queryParameter("symbols")).isEqualTo("AAPL");
        assertThat(list.getRequestUrl().queryParameter("status")).isEqualTo("open");
        assertThat(mock.take().getPath()).isEqualTo("/v2/orders/leg-1");
        assertThat(mock.take().getPath()).isEqualTo("/v2/positions/AAPL");
        assertThat(mock.take().getPath()).isEqualTo("/v2/positions/AAPL");
        assertThat(mock.sleeper.pauses()).hasSize(1);
    }

    @Test
    void closePosition_withoutPosition_isNotAnError() {
        mock.enqueue(200, "[]");
        mock.enqueue(404, error(40410000, "position does not exist"));

        broker.closePosition(Symbol.of("AAPL"));

        assertThat(mock.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void serverErrorStormOnGet_isRetriedWithBackoffUntilAnswered() {
        mock.enqueue(503, error(50300000, "service unavailable"));
        mock.enqueue(502, "<html>bad gateway</html>");
        mock.enqueue(500, error(50000000, "internal server error"));
        mock.enqueue(200, AlpacaJson.account());

        assertThat(broker.account().equity()).isEqualByComparingTo("103820.56");
        assertThat(mock.server.getRequestCount()).isEqualTo(4);
        assertThat(mock.sleeper.pauses()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500),
                Duration.ofMillis(1000));
    }

    @Test
    void serverErrorStormOnGet_beyondTheRetryBound_isAnUnknownOutcome() {
        for (int i = 0; i < 4; i++) {
            mock.enqueue(500, error(50000000, "internal server error"));
        }

        assertThatThrownBy(broker::positions).isInstanceOfSatisfying(BrokerException.class, e -> {
            assertThat(e.rejected()).isFalse();
            assertThat(e.getMessage()).contains("HTTP 500");
        });
        assertThat(mock.server.getRequestCount()).isEqualTo(1 + AlpacaConfig.DEFAULT_MAX_RETRIES);
    }

    @Test
    void serverErrorOnPost_isNeverRetriedBlindly_butResolvedByLookup() {
        mock.enqueue(500, error(50000000, "internal server error"));
        mock.enqueue(200, new AlpacaJson.Order("ord-1", "orb-20240311-SPY-E-1", "SPY").set("status", "accepted").json());

        Order o = broker.submit(otoEntry());

        assertThat(o.brokerOrderId()).isEqualTo("ord-1");
        assertThat(mock.take().getMethod()).isEqualTo("POST");
        assertThat(mock.take().getRequestUrl().encodedPath()).isEqualTo("/v2/orders:by_client_order_id");
        assertThat(mock.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void rateLimited429_waitsUntilTheResetOfTheInjectedClock_thenSendsAgain() {
        long reset = AlpacaMock.START.plusSeconds(42).getEpochSecond();
        mock.server.enqueue(FakeAlpaca.json(429, error(42900000, "rate limit exceeded"))
                .setHeader("X-Ratelimit-Limit", "200").setHeader("X-Ratelimit-Remaining", "0")
                .setHeader("X-Ratelimit-Reset", Long.toString(reset)));
        mock.enqueue(200, AlpacaJson.account());

        broker.account();

        assertThat(mock.sleeper.pauses()).containsExactly(Duration.ofSeconds(42));
        assertThat(mock.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void rateLimited429OnPost_isSentAgainAfterTheReset_becauseAlpacaDidNotProcessIt() {
        mock.server.enqueue(FakeAlpaca.json(429, error(42900000, "rate limit exceeded"))
                .setHeader("X-Ratelimit-Reset", Long.toString(AlpacaMock.START.plusSeconds(3).getEpochSecond())));
        mock.enqueue(200, new AlpacaJson.Order("ord-1", "orb-20240311-SPY-E-1", "SPY").json());

        assertThat(broker.submit(otoEntry()).brokerOrderId()).isEqualTo("ord-1");
        assertThat(mock.take().getMethod()).isEqualTo("POST");
        assertThat(mock.take().getMethod()).isEqualTo("POST");
        assertThat(mock.sleeper.pauses()).containsExactly(Duration.ofSeconds(3));
    }
}
