package dev.orb.adapter.alpaca.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonElement;

import dev.orb.domain.Account;
import dev.orb.domain.Asset;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Order;
import dev.orb.domain.OrderRequest;
import dev.orb.domain.Position;
import dev.orb.domain.Symbol;
import dev.orb.ports.BrokerException;
import dev.orb.ports.BulkResult;
import net.jacobpeterson.alpaca.AlpacaAPI;
import net.jacobpeterson.alpaca.model.endpoint.common.enums.SortDirection;
import net.jacobpeterson.alpaca.model.endpoint.orders.enums.CurrentOrderStatus;
import net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderClass;
import net.jacobpeterson.alpaca.rest.AlpacaClient;
import net.jacobpeterson.alpaca.rest.AlpacaClientException;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The broker's REST calls through alpaca-java, translated to orb's domain and its {@link BrokerException}.
 * Every call goes through the adapter's OkHttp client, hence through the shared request budget and the retries
 * of idempotent requests. Thread-safe.
 */
public final class AlpacaRest implements OrderGateway {
    /** Alpaca's largest page of orders. */
    static final int PAGE_SIZE = 500;
    static final int MAX_PAGES = 40;
    /** Attempts to close a position while the cancelled orders still hold its shares. */
    static final int CLOSE_POSITION_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaRest.class);
    private final AlpacaAPI api;
    private final Settings settings;

    /** REST calls through {@code api} (built on the adapter's OkHttp client). */
    public AlpacaRest(AlpacaAPI api, Settings settings) {
        this.api = Objects.requireNonNull(api, "api");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** GET /v2/account. */
    public Account account() {
        return call("GET /v2/account", () -> Mappers.account(api.account().get()));
    }

    /** GET /v2/positions. */
    public List<Position> positions() {
        return call("GET /v2/positions", () -> api.positions().get().stream().map(Mappers::position).toList());
    }

    /** GET /v2/assets/{symbol}: tradable, shortable, easy to borrow. */
    public Asset asset(Symbol symbol) {
        return call("GET /v2/assets/" + symbol, () -> Mappers.asset(symbol, api.assets().getBySymbol(symbol.value())));
    }

    /**
     * Open orders with their legs. Two listings are merged because Alpaca's {@code nested=true} listing omits
     * the open legs of an OTO/bracket whose parent has filled, while the flat listing shows every open order
     * without legs: parents come from the first, orphaned legs from the second.
     */
    public List<Order> openOrders() {
        List<Order> nested = toDomain(list(CurrentOrderStatus.OPEN, true, null, null));
        List<Order> flat = toDomain(list(CurrentOrderStatus.OPEN, false, null, null));
        Set<String> seen = new HashSet<>();
        nested.forEach(o -> collectIds(o, seen));
        List<Order> out = new ArrayList<>(nested);
        for (Order o : flat) {
            if (!seen.contains(o.brokerOrderId())) {
                out.add(o);
            }
        }
        return List.copyOf(out);
    }

    /** Open orders of one symbol, flat (legs as separate orders). */
    public List<Order> openOrders(Symbol symbol) {
        return toDomain(list(CurrentOrderStatus.OPEN, false, null, List.of(symbol.value())));
    }

    /**
     * Orders created or changed at or after {@code since}, flat (legs as separate orders), oldest change first.
     * Alpaca filters listings by submission time only, so this lists every order submitted since
     * {@code since − orderLookback} plus every open order, and keeps those whose {@code updated_at} is at or
     * after {@code since} (or unknown).
     */
    public List<Order> ordersUpdatedSince(Instant since) {
        ZonedDateTime after = since.minus(settings.orderLookback()).atZone(ZoneOffset.UTC);
        Map<String, net.jacobpeterson.alpaca.model.endpoint.orders.Order> byId = new LinkedHashMap<>();
        list(CurrentOrderStatus.ALL, false, after, null).forEach(o -> byId.put(o.getId(), o));
        list(CurrentOrderStatus.OPEN, false, null, null).forEach(o -> byId.putIfAbsent(o.getId(), o));
        return toDomain(List.copyOf(byId.values())).stream()
                .filter(o -> o.updatedAt() == null || !o.updatedAt().isBefore(since))
                .sorted(Comparator.comparing(Order::updatedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Order::brokerOrderId))
                .toList();
    }

    @Override
    public Optional<Order> byClientOrderId(ClientOrderId id) {
        String action = "GET /v2/orders:by_client_order_id " + id;
        try {
            return Optional.of(OrderMapper.toDomain(api.orders().getByClientID(id.value())));
        } catch (AlpacaClientException e) {
            if (AlpacaErrors.isStatus(e, 404)) {
                return Optional.empty();
            }
            throw AlpacaErrors.broker(action, e);
        } catch (BrokerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw AlpacaErrors.broker(action, e);
        }
    }

    /** GET /v2/orders/{id} with legs. */
    public Order byId(String brokerOrderId) {
        return call("GET /v2/orders/" + brokerOrderId, () -> OrderMapper.toDomain(api.orders().get(brokerOrderId, true)));
    }

    /**
     * One POST through alpaca-java's {@code requestOrder}; a request with a stop-loss price goes as one
     * {@code order_class=oto} order (alpaca-java's OTO helpers send "oco" and are not used).
     */
    @Override
    public Order post(OrderRequest r) {
        String action = "POST /v2/orders " + r.clientOrderId();
        try {
            return OrderMapper.toDomain(api.orders().requestOrder(r.symbol().value(), (double) r.quantity(), null,
                    OrderMapper.toAlpaca(r.side()), OrderMapper.toAlpaca(r.type()),
                    OrderMapper.toAlpaca(r.timeInForce()), OrderMapper.toAlpaca(r.limitPrice()),
                    OrderMapper.toAlpaca(r.stopPrice()), null, null, null, r.clientOrderId().value(),
                    r.isOneTriggersOther() ? OrderClass.ONE_TRIGGERS_OTHER : null, null,
                    OrderMapper.toAlpaca(r.stopLossPrice()), null));
        } catch (AlpacaClientException e) {
            if (AlpacaErrors.isDuplicateClientOrderId(e)) {
                throw new DuplicateClientOrderIdException(r.clientOrderId(), e);
            }
            throw AlpacaErrors.broker(action, e);
        } catch (BrokerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw AlpacaErrors.broker(action, e);
        }
    }

    /** Cancels one order; an order that is already final (Alpaca: 422 not cancelable) is not an error. */
    public void cancel(String brokerOrderId) {
        String action = "DELETE /v2/orders/" + brokerOrderId;
        try {
            api.orders().cancel(brokerOrderId);
        } catch (AlpacaClientException e) {
            if (!AlpacaErrors.isStatus(e, 422)) {
                throw AlpacaErrors.broker(action, e);
            }
            Order order = byId(brokerOrderId);
            if (!order.status().isTerminal()) {
                throw new BrokerException("Alpaca " + action + ": not cancelable while " + order.status() + " ("
                        + AlpacaErrors.describe(e) + ")", true, e);
            }
            LOG.info("order {} is already {}; nothing to cancel", brokerOrderId, order.status());
        } catch (RuntimeException e) {
            throw AlpacaErrors.broker(action, e);
        }
    }

    /** DELETE /v2/orders: every open order, reported item by item from the 207 answer. */
    public BulkResult cancelAll() {
        AlpacaClient client = api.getBrokerClient();
        return bulk("DELETE /v2/orders", client.urlBuilder().addPathSegment("orders").build(), "id");
    }

    /** DELETE /v2/positions?cancel_orders=true: every position at market, reported symbol by symbol. */
    public BulkResult closeAll() {
        AlpacaClient client = api.getBrokerClient();
        return bulk("DELETE /v2/positions?cancel_orders=true",
                client.urlBuilder().addPathSegment("positions").addQueryParameter("cancel_orders", "true").build(),
                "symbol");
    }

    /**
     * Cancels the symbol's open orders, then closes its position at market. Alpaca keeps the shares held by a
     * cancelled order for a moment (403 "insufficient qty available"), so the close is retried a few times.
     * No position is not an error.
     */
    public void closePosition(Symbol symbol) {
        for (Order o : openOrders(symbol)) {
            cancel(o.brokerOrderId());
        }
        String action = "DELETE /v2/positions/" + symbol;
        for (int attempt = 0; ; attempt++) {
            try {
                api.positions().close(symbol.value(), null, null);
                return;
            } catch (AlpacaClientException e) {
                if (AlpacaErrors.isStatus(e, 404)) {
                    LOG.info("no {} position to close", symbol);
                    return;
                }
                boolean held = AlpacaErrors.isStatus(e, 403) && AlpacaErrors.apiMessage(e).contains("insufficient qty");
                if (!held || attempt + 1 >= CLOSE_POSITION_ATTEMPTS) {
                    throw AlpacaErrors.broker(action, e);
                }
                LOG.info("{} shares still held by cancelled orders; retrying the close", symbol);
                pause(attempt, action);
            } catch (RuntimeException e) {
                throw AlpacaErrors.broker(action, e);
            }
        }
    }

    private BulkResult bulk(String action, HttpUrl url, String key) {
        AlpacaClient client = api.getBrokerClient();
        Request request = client.requestBuilder(url).delete().build();
        JsonElement json = call(action, () -> client.requestJSON(request, AlpacaClient.STATUS_CODE_200_OR_207));
        return BulkResponses.parse(json, key, action);
    }

    /**
     * Pages through a listing in submission order. Alpaca's {@code after} is exclusive and has no tie-breaker,
     * so each page restarts a microsecond before the last submission seen and ids remove the overlap.
     */
    private List<net.jacobpeterson.alpaca.model.endpoint.orders.Order> list(CurrentOrderStatus status, boolean nested,
                                                                           ZonedDateTime after, Collection<String> symbols) {
        String action = "GET /v2/orders?status=" + status + "&nested=" + nested;
        List<net.jacobpeterson.alpaca.model.endpoint.orders.Order> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        ZonedDateTime cursor = after;
        for (int page = 0; page < MAX_PAGES; page++) {
            ZonedDateTime from = cursor;
            List<net.jacobpeterson.alpaca.model.endpoint.orders.Order> batch = call(action, () -> api.orders()
                    .get(status, PAGE_SIZE, from, null, SortDirection.ASCENDING, nested, symbols));
            int added = 0;
            for (net.jacobpeterson.alpaca.model.endpoint.orders.Order o : batch) {
                if (o != null && o.getId() != null && ids.add(o.getId())) {
                    out.add(o);
                    added++;
                }
            }
            ZonedDateTime last = batch.isEmpty() ? null : batch.get(batch.size() - 1).getSubmittedAt();
            if (batch.size() < PAGE_SIZE || added == 0 || last == null) {
                return out;
            }
            cursor = last.minusNanos(1_000);
        }
        throw new BrokerException("Alpaca " + action + ": more than " + MAX_PAGES * PAGE_SIZE + " orders", false);
    }

    private static List<Order> toDomain(List<net.jacobpeterson.alpaca.model.endpoint.orders.Order> orders) {
        return orders.stream().map(OrderMapper::toDomain).toList();
    }

    private static void collectIds(Order o, Set<String> into) {
        into.add(o.brokerOrderId());
        o.legs().forEach(leg -> collectIds(leg, into));
    }

    private void pause(int attempt, String action) {
        try {
            settings.sleeper().sleep(settings.retryPause(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted: " + action, false, e);
        }
    }

    @FunctionalInterface
    interface AlpacaCall<T> {
        T call() throws AlpacaClientException;
    }

    static <T> T call(String action, AlpacaCall<T> call) {
        try {
            return call.call();
        } catch (AlpacaClientException e) {
            throw AlpacaErrors.broker(action, e);
        } catch (BrokerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw AlpacaErrors.broker(action, e);
        }
    }
}
