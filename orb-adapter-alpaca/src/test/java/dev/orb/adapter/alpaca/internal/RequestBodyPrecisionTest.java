package dev.orb.adapter.alpaca.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.orb.domain.ClientOrderId;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.OrderRequest;
import dev.orb.domain.OrderSide;
import dev.orb.domain.OrderType;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TimeInForce;
import net.jacobpeterson.alpaca.AlpacaAPI;
import net.jacobpeterson.alpaca.model.properties.DataAPIType;
import net.jacobpeterson.alpaca.model.properties.EndpointAPIType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * alpaca-java's {@code requestOrder} takes prices as doubles; these properties check, through its real request
 * building, that the JSON it sends carries exactly orb's on-tick prices — entry stop and limit (formatted by its
 * "#0.00##" formatter) and the stop-loss leg (a Gson number) — for any tick price from $0.0001 to $100,000.
 */
class RequestBodyPrecisionTest {
    private static final Symbol SPY = Symbol.of("SPY");
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AlpacaRest rest = new AlpacaRest(new AlpacaAPI(new OkHttpClient.Builder().addInterceptor(chain -> {
        Buffer b = new Buffer();
        chain.request().body().writeTo(b);
        body.set(b.readUtf8());
        return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
                .body(ResponseBody.create("{\"id\":\"ord-1\",\"client_order_id\":\"c-1\",\"symbol\":\"SPY\","
                        + "\"side\":\"buy\",\"type\":\"stop\",\"qty\":\"1\",\"filled_qty\":\"0\",\"status\":\"accepted\","
                        + "\"time_in_force\":\"day\"}", MediaType.get("application/json")))
                .build();
    }).build(), "key", "secret", null, EndpointAPIType.PAPER, DataAPIType.IEX), OrderSubmitterTest.settings());

    @Property
    void centPrices_areSentExactly(@ForAll @IntRange(min = 101, max = 10_000_000) int entryCents,
                                   @ForAll @IntRange(min = 1, max = 9_999_900) int gapCents) {
        Price entry = Price.ofCents(entryCents);
        Price stopLoss = Price.ofCents(Math.max(100, entryCents - 1 - gapCents % (entryCents - 100)));

        JsonObject sent = send(otoStop(entry, stopLoss));

        assertThat(new BigDecimal(sent.get("stop_price").getAsString())).isEqualByComparingTo(entry.toBigDecimal());
        assertThat(new BigDecimal(sent.getAsJsonObject("stop_loss").get("stop_price").getAsString()))
                .isEqualByComparingTo(stopLoss.toBigDecimal());
    }

    @Property
    void subDollarPrices_areSentExactly(@ForAll @IntRange(min = 2, max = 9_999) int entryTicks,
                                        @ForAll @IntRange(min = 1, max = 9_998) int gapTicks) {
        Price entry = Price.of(BigDecimal.valueOf(entryTicks, 4));
        Price stopLoss = Price.of(BigDecimal.valueOf(Math.max(1, entryTicks - 1 - gapTicks % (entryTicks - 1)), 4));

        JsonObject sent = send(otoStop(entry, stopLoss));

        assertThat(new BigDecimal(sent.get("stop_price").getAsString())).isEqualByComparingTo(entry.toBigDecimal());
        assertThat(new BigDecimal(sent.getAsJsonObject("stop_loss").get("stop_price").getAsString()))
                .isEqualByComparingTo(stopLoss.toBigDecimal());
    }

    @Property
    void limitPrices_areSentExactly(@ForAll @IntRange(min = 100, max = 10_000_000) int cents,
                                    @ForAll @IntRange(min = 1, max = 100_000) int shares) {
        Price limit = Price.ofCents(cents);
        OrderRequest r = new OrderRequest(new ClientOrderId("c-1"), SPY, OrderSide.SELL, OrderType.STOP_LIMIT, shares,
                limit, limit, TimeInForce.DAY, null);

        JsonObject sent = send(r);

        assertThat(sent.get("limit_price").getAsString()).isEqualTo(sent.get("stop_price").getAsString());
        assertThat(new BigDecimal(sent.get("limit_price").getAsString())).isEqualByComparingTo(limit.toBigDecimal());
        assertThat(new BigDecimal(sent.get("qty").getAsString())).isEqualByComparingTo(BigDecimal.valueOf(shares));
        assertThat(sent.has("order_class")).isFalse();
    }

    private static OrderRequest otoStop(Price entry, Price stopLoss) {
        return new OrderRequest(ClientOrderId.of(LocalDate.of(2024, 3, 11), SPY, OrderPurpose.ENTRY, 1), SPY,
                OrderSide.BUY, OrderType.STOP, 100, entry, null, TimeInForce.DAY, stopLoss);
    }

    private JsonObject send(OrderRequest r) {
        rest.post(r);
        return JsonParser.parseString(body.get()).getAsJsonObject();
    }
}
