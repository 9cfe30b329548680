package dev.orb.core.fakes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.orb.domain.Account;
import dev.orb.domain.Asset;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Fill;
import dev.orb.domain.Order;
import dev.orb.domain.OrderEventType;
import dev.orb.domain.OrderRequest;
import dev.orb.domain.OrderSide;
import dev.orb.domain.OrderStatus;
import dev.orb.domain.OrderType;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.Position;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingMode;
import dev.orb.ports.Broker;
import dev.orb.ports.BrokerException;
import dev.orb.ports.BulkResult;
import dev.orb.ports.OrbClock;
import dev.orb.ports.OrderUpdateListener;
import dev.orb.ports.Subscription;

/**
 * A broker in memory with simple fills, for tests and simulations.
 *
 * <p>Orders rest until {@link #trade} moves a symbol's price: a buy stop fills when the price reaches or exceeds its
 * stop, a sell stop when it reaches or falls below it, at the traded price; market orders fill at once at the last
 * price. A one-triggers-other order's stop-loss leg is {@code HELD} until its parent fills. Updates are delivered
 * synchronously to subscribers, unless the stream is {@link #disconnect() disconnected} (then they are lost, as on
 * a real stream drop, and {@link #reconnect()} signals the listeners to resynchronise).
 *
 * <p>Failures can be injected ({@link #failNextSubmit}). Everything asked of it is recorded for assertions.
 * Thread-safe: every method is synchronized; listeners are called while holding the lock.
 */
public final class FakeBroker implements Broker {
    /** What the next submit does instead of succeeding. */
    public enum SubmitFailure {
        /** Definitely refused (4xx). */
        REJECT,
        /** Times out before the broker saw it: nothing is created. */
        LOST_BEFORE_BROKER,
        /** Times out after the broker accepted it: the order exists, the caller does not know. */
        TIMEOUT_AFTER_ACCEPT
    }

    private final OrbClock clock;
    private final BigDecimal startEquity;
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<ClientOrderId, String> byClientId = new HashMap<>();
    private final Map<String, String> parentOfLeg = new HashMap<>();
    private final Map<Symbol, long[]> positionQty = new TreeMap<>();
    private final Map<Symbol, BigDecimal> positionCost = new TreeMap<>();
    private final Map<Symbol, Price> lastPrice = new HashMap<>();
    private final Map<Symbol, Asset> assets = new HashMap<>();
    private final List<OrderUpdateListener> listeners = new CopyOnWriteArrayList<>();
    private final List<OrderRequest> submitCalls = new ArrayList<>();
    private final Deque<SubmitFailure> failures = new ArrayDeque<>();
    private final List<OrderUpdate> delivered = new ArrayList<>();
    private BigDecimal realized = BigDecimal.ZERO;
    private BigDecimal equityOverride;
    private boolean connected = true;
    private long ids;
    private long executions;

    public FakeBroker(OrbClock clock, BigDecimal startEquity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startEquity = Objects.requireNonNull(startEquity, "startEquity");
    }

    // ---- test controls ---------------------------------------------------------------------------------

    /** Makes the next {@link #submit} fail in the given way. */
    public synchronized FakeBroker failNextSubmit(SubmitFailure failure) {
        failures.addLast(failure);
        return this;
    }

    /** Forgets failures injected with {@link #failNextSubmit} that have not happened yet. */
    public synchronized FakeBroker clearFailures() {
        failures.clear();
        return this;
    }

    /** Sets a symbol's tradability (default: tradable, shortable, easy to borrow). */
    public synchronized FakeBroker setAsset(Asset asset) {
        assets.put(asset.symbol(), asset);
        return this;
    }

    /** Forces the account's equity (for daily-loss tests); null returns to computed equity. */
    public synchronized FakeBroker setEquity(BigDecimal equity) {
        equityOverride = equity;
        return this;
    }

    /** Sets the last price of a symbol without triggering orders. */
    public synchronized FakeBroker setPrice(Symbol symbol, Price price) {
        lastPrice.put(symbol, price);
        return this;
    }

    /** A trade prints at {@code price}: resting stop orders of the symbol that it reaches fill at that price. */
    public synchronized void trade(Symbol symbol, Price price) {
        lastPrice.put(symbol, price);
        for (Order o : List.copyOf(orders.values())) {
            Order current = orders.get(o.brokerOrderId());
            if (!current.symbol().equals(symbol) || current.status().isTerminal() || current.status() == OrderStatus.HELD
                    || current.stopPrice() == null) {
                continue;
            }
            boolean triggered = current.side() == OrderSide.BUY ? !price.isBelow(current.stopPrice())
                    : !price.isAbove(current.stopPrice());
            if (triggered) {
                fill(current, current.quantity() - current.filledQuantity(), price);
            }
        }
    }

    /** Fills part of a working order at {@code price} (partial fills in tests). */
    public synchronized void fillPart(ClientOrderId id, long quantity, Price price) {
        String brokerId = byClientId.get(id);
        if (brokerId == null) {
            throw new IllegalArgumentException("no order " + id);
        }
        fill(orders.get(brokerId), quantity, price);
    }

    /** Delivers the last fill update again, with the same execution id (a stream replay). */
    public synchronized void replayLastFill() {
        for (int i = delivered.size() - 1; i >= 0; i--) {
            if (delivered.get(i).fill() != null) {
                emit(delivered.get(i));
                return;
            }
        }
    }

    /** Drops the stream: updates are lost until {@link #reconnect()}. */
    public synchronized void disconnect() {
        connected = false;
        listeners.forEach(l -> l.onDisconnected("FakeBroker.disconnect()"));
    }

    /** Restores the stream and tells listeners to resynchronise. */
    public synchronized void reconnect() {
        connected = true;
        listeners.forEach(OrderUpdateListener::onReconnected);
    }

    /** Every request passed to {@link #submit}, in order, including repeats and failed ones. */
    public synchronized List<OrderRequest> submitCalls() {
        return List.copyOf(submitCalls);
    }

    /** Every order the broker created (legs included), in creation order. */
    public synchronized List<Order> allOrders() {
        return List.copyOf(orders.values());
    }

    /** Signed open quantity of a symbol (0 when flat). */
    public synchronized long positionQuantity(Symbol symbol) {
        long[] q = positionQty.get(symbol);
        return q == null ? 0 : q[0];
    }

    /** Fails when two orders carry the same client order id. */
    public synchronized void assertOneOrderPerClientOrderId() {
        Map<ClientOrderId, Integer> count = new HashMap<>();
        for (Order o : orders.values()) {
            if (count.merge(o.clientOrderId(), 1, Integer::sum) > 1) {
                throw new AssertionError("two orders with client order id " + o.clientOrderId());
            }
        }
    }

    // ---- Broker ----------------------------------------------------------------------------------------

    @Override
    public synchronized Account account() {
        BigDecimal unrealized = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        for (Position p : positions()) {
            unrealized = unrealized.add(p.unrealizedPnl());
            gross = gross.add(p.grossNotional());
        }
        BigDecimal equity = equityOverride != null ? equityOverride : startEquity.add(realized).add(unrealized);
        BigDecimal buyingPower = equity.multiply(BigDecimal.valueOf(4)).subtract(gross).max(BigDecimal.ZERO);
        return new Account(equity, startEquity, buyingPower, 4, false, 0, false, false, true);
    }

    @Override
    public synchronized List<Position> positions() {
        List<Position> out = new ArrayList<>();
        for (Map.Entry<Symbol, long[]> e : positionQty.entrySet()) {
            long q = e.getValue()[0];
            if (q != 0) {
                BigDecimal avg = positionCost.get(e.getKey()).divide(BigDecimal.valueOf(Math.abs(q)), Price.SCALE,
                        RoundingMode.HALF_EVEN);
                Price last = lastPrice.get(e.getKey());
                out.add(new Position(e.getKey(), q, avg, last == null ? null : last.toBigDecimal()));
            }
        }
        return out;
    }

    @Override
    public synchronized List<Order> openOrders() {
        return orders.values().stream().filter(o -> !o.status().isTerminal()).map(this::withCurrentLegs).toList();
    }

    @Override
    public synchronized List<Order> ordersUpdatedSince(Instant since) {
        return orders.values().stream().filter(o -> o.updatedAt() != null && !o.updatedAt().isBefore(since))
                .map(this::withCurrentLegs).toList();
    }

    @Override
    public synchronized Optional<Order> orderByClientOrderId(ClientOrderId id) {
        String brokerId = byClientId.get(id);
        return brokerId == null ? Optional.empty() : Optional.of(withCurrentLegs(orders.get(brokerId)));
    }

    @Override
    public synchronized Asset asset(Symbol symbol) {
        return assets.getOrDefault(symbol, Asset.fullyTradable(symbol));
    }

    @Override
    public synchronized Order submit(OrderRequest request) {
        submitCalls.add(request);
        String existing = byClientId.get(request.clientOrderId());
        SubmitFailure failure = failures.pollFirst();
        if (failure == SubmitFailure.REJECT) {
            throw new BrokerException("rejected by FakeBroker: " + request.clientOrderId(), true);
        }
        if (failure == SubmitFailure.LOST_BEFORE_BROKER) {
            throw new BrokerException("timeout (FakeBroker: request lost) " + request.clientOrderId(), false);
        }
        if (existing != null) {
            return withCurrentLegs(orders.get(existing));
        }
        Instant now = clock.now();
        String id = "fb-" + (++ids);
        List<Order> legs = new ArrayList<>();
        if (request.stopLossPrice() != null) {
            String legId = "fb-" + (++ids);
            legs.add(new Order(legId, new ClientOrderId("leg-" + legId), request.symbol(), request.side().opposite(),
                    OrderType.STOP, request.quantity(), 0, request.stopLossPrice(), null, null, OrderStatus.HELD,
                    request.timeInForce(), now, now, List.of()));
        }
        Order order = new Order(id, request.clientOrderId(), request.symbol(), request.side(), request.type(),
                request.quantity(), 0, request.stopPrice(), request.limitPrice(), null, OrderStatus.NEW,
                request.timeInForce(), now, now, legs);
        orders.put(id, order); // parent before its leg: iteration order matters in trade()
        for (Order leg : legs) {
            orders.put(leg.brokerOrderId(), leg);
            byClientId.put(leg.clientOrderId(), leg.brokerOrderId());
            parentOfLeg.put(leg.brokerOrderId(), id);
        }
        byClientId.put(request.clientOrderId(), id);
        emit(new OrderUpdate(OrderEventType.NEW, order, null, now));
        if (request.type() == OrderType.MARKET) {
            Price p = lastPrice.get(request.symbol());
            if (p == null) {
                throw new BrokerException("no price for " + request.symbol() + " to fill a market order", true);
            }
            fill(order, order.quantity(), p);
        }
        if (failure == SubmitFailure.TIMEOUT_AFTER_ACCEPT) {
            throw new BrokerException("timeout (FakeBroker: accepted, answer lost) " + request.clientOrderId(), false);
        }
        return withCurrentLegs(orders.get(id));
    }

    @Override
    public synchronized void cancel(String brokerOrderId) {
        Order o = orders.get(brokerOrderId);
        if (o == null) {
            throw new BrokerException("order not found: " + brokerOrderId, true);
        }
        cancelOrder(o);
    }

    @Override
    public synchronized BulkResult cancelAll() {
        List<String> ok = new ArrayList<>();
        for (Order o : List.copyOf(orders.values())) {
            Order current = orders.get(o.brokerOrderId());
            if (!current.status().isTerminal()) {
                cancelOrder(current);
                ok.add(current.brokerOrderId());
            }
        }
        return new BulkResult(ok, List.of());
    }

    @Override
    public synchronized void closePosition(Symbol symbol) {
        long q = positionQuantity(symbol);
        for (Order o : List.copyOf(orders.values())) {
            Order current = orders.get(o.brokerOrderId());
            if (current.symbol().equals(symbol) && !current.status().isTerminal()) {
                cancelOrder(current);
            }
        }
        if (q == 0) {
            throw new BrokerException("position not found: " + symbol, true);
        }
        submit(OrderRequest.market(new ClientOrderId("close-" + symbol + "-" + (++ids)), symbol,
                q > 0 ? OrderSide.SELL : OrderSide.BUY, Math.abs(q)));
    }

    @Override
    public synchronized BulkResult closeAll() {
        cancelAll();
        List<String> ok = new ArrayList<>();
        List<BulkResult.Failure> failed = new ArrayList<>();
        for (Position p : positions()) {
            try {
                closePosition(p.symbol());
                ok.add(p.symbol().value());
            } catch (BrokerException e) {
                failed.add(new BulkResult.Failure(p.symbol().value(), e.getMessage()));
            }
        }
        return new BulkResult(ok, failed);
    }

    @Override
    public synchronized Subscription subscribe(OrderUpdateListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public TradingMode mode() {
        return TradingMode.PAPER;
    }

    // ---- internals ---------------------------------------------------------------------------------------

    private void cancelOrder(Order o) {
        if (o.status().isTerminal()) {
            return;
        }
        Instant now = clock.now();
        Order canceled = o.with(OrderStatus.CANCELED, o.filledQuantity(), o.filledAvgPrice(), now);
        orders.put(o.brokerOrderId(), canceled);
        emit(new OrderUpdate(OrderEventType.CANCELED, canceled, null, now));
        if (o.filledQuantity() == 0) {
            for (Order leg : o.legs()) {
                Order current = orders.get(leg.brokerOrderId());
                if (current != null && !current.status().isTerminal()) {
                    cancelOrder(current);
                }
            }
        }
    }

    private void fill(Order o, long qty, Price price) {
        if (qty <= 0) {
            return;
        }
        Instant now = clock.now();
        long filled = o.filledQuantity() + qty;
        BigDecimal prevNotional = o.filledAvgPrice() == null ? BigDecimal.ZERO
                : o.filledAvgPrice().multiply(BigDecimal.valueOf(o.filledQuantity()));
        BigDecimal avg = prevNotional.add(price.toBigDecimal().multiply(BigDecimal.valueOf(qty)))
                .divide(BigDecimal.valueOf(filled), Price.SCALE, RoundingMode.HALF_EVEN);
        OrderStatus status = filled >= o.quantity() ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        Order updated = o.with(status, filled, avg, now);
        orders.put(o.brokerOrderId(), updated);
        applyToPosition(o.symbol(), o.side(), qty, price);
        Fill fill = new Fill("fx-" + (++executions), o.brokerOrderId(), o.clientOrderId(), o.symbol(), o.side(), qty,
                price, now);
        emit(new OrderUpdate(status == OrderStatus.FILLED ? OrderEventType.FILL : OrderEventType.PARTIAL_FILL,
                withCurrentLegs(updated), fill, now));
        for (Order leg : o.legs()) {
            Order current = orders.get(leg.brokerOrderId());
            if (current != null && current.status() == OrderStatus.HELD) {
                Order active = current.with(OrderStatus.NEW, 0, null, now);
                orders.put(leg.brokerOrderId(), active);
                emit(new OrderUpdate(OrderEventType.NEW, active, null, now));
            }
        }
        if (status == OrderStatus.FILLED) {
            String parent = parentOfLeg.get(o.brokerOrderId());
            if (parent != null) {
                // the stop-loss leg fired: nothing else of its parent stays working
                Order p = orders.get(parent);
                if (!p.status().isTerminal()) {
                    cancelOrder(p);
                }
            }
        }
    }

    private void applyToPosition(Symbol symbol, OrderSide side, long qty, Price price) {
        long[] q = positionQty.computeIfAbsent(symbol, s -> new long[1]);
        BigDecimal cost = positionCost.getOrDefault(symbol, BigDecimal.ZERO);
        long signed = side == OrderSide.BUY ? qty : -qty;
        BigDecimal px = price.toBigDecimal();
        if (q[0] == 0 || Long.signum(q[0]) == Long.signum(signed)) {
            q[0] += signed;
            positionCost.put(symbol, cost.add(px.multiply(BigDecimal.valueOf(qty))));
            return;
        }
        long closing = Math.min(Math.abs(q[0]), qty);
        BigDecimal avg = cost.divide(BigDecimal.valueOf(Math.abs(q[0])), 20, RoundingMode.HALF_EVEN);
        BigDecimal pnl = px.subtract(avg).multiply(BigDecimal.valueOf(closing)).multiply(BigDecimal.valueOf(Long.signum(q[0])));
        realized = realized.add(pnl.setScale(Price.SCALE, RoundingMode.HALF_EVEN));
        long remainingOld = Math.abs(q[0]) - closing;
        q[0] += signed;
        if (remainingOld > 0) {
            positionCost.put(symbol, avg.multiply(BigDecimal.valueOf(remainingOld)));
        } else {
            long opened = qty - closing;
            positionCost.put(symbol, px.multiply(BigDecimal.valueOf(opened)));
        }
    }

    private Order withCurrentLegs(Order o) {
        if (o.legs().isEmpty()) {
            return o;
        }
        List<Order> legs = new ArrayList<>();
        for (Order leg : o.legs()) {
            legs.add(orders.getOrDefault(leg.brokerOrderId(), leg));
        }
        return o.withLegs(legs);
    }

    private void emit(OrderUpdate update) {
        delivered.add(update);
        if (!connected) {
            return;
        }
        for (OrderUpdateListener l : listeners) {
            l.onOrderUpdate(update);
        }
    }
}
