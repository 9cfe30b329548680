package dev.orb.app.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.orb.domain.Account;
import dev.orb.domain.Asset;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Fill;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.Order;
import dev.orb.domain.OrderRequest;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.Position;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingMode;
import dev.orb.ports.Broker;
import dev.orb.ports.BulkResult;
import dev.orb.ports.OrderUpdateListener;
import dev.orb.ports.Subscription;
import dev.orb.sim.backtest.SimulatedBroker;

/**
 * One session's {@link SimulatedBroker} with its broker order and execution ids made unique across sessions.
 *
 * <p>A {@link SimulatedBroker} numbers its orders from 1 in every session ({@code sb-1}, …), which is right for a
 * backtest's throwaway store but collides in the demo's database, where the broker order id is unique across
 * every session as at a real broker. This wrapper prefixes each id with the session's date on the way out and
 * strips it on the way in. Not thread-safe, like the broker it wraps ({@link DemoBroker} serialises).
 */
final class SessionBroker implements Broker {
    private final SimulatedBroker sim;
    private final String prefix;

    SessionBroker(SimulatedBroker sim, LocalDate session) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.prefix = session.format(DateTimeFormatter.BASIC_ISO_DATE) + "-";
    }

    /** The wrapped broker, for the replay's bars and the account carried to the next session. */
    SimulatedBroker sim() {
        return sim;
    }

    @Override
    public Account account() {
        return sim.account();
    }

    @Override
    public List<Position> positions() {
        return sim.positions();
    }

    @Override
    public List<Order> openOrders() {
        return sim.openOrders().stream().map(this::out).toList();
    }

    @Override
    public List<Order> ordersUpdatedSince(Instant since) {
        return sim.ordersUpdatedSince(since).stream().map(this::out).toList();
    }

    @Override
    public Optional<Order> orderByClientOrderId(ClientOrderId id) {
        return sim.orderByClientOrderId(id).map(this::out);
    }

    @Override
    public Asset asset(Symbol symbol) {
        return sim.asset(symbol);
    }

    @Override
    public Order submit(OrderRequest request) {
        return out(sim.submit(request));
    }

    @Override
    public void cancel(String brokerOrderId) {
        Objects.requireNonNull(brokerOrderId, "brokerOrderId");
        if (!brokerOrderId.startsWith(prefix)) {
            throw new InvalidValueException("SessionBroker.brokerOrderId: '" + brokerOrderId
                    + "' is not an order of this session (" + prefix + "…)");
        }
        sim.cancel(brokerOrderId.substring(prefix.length()));
    }

    @Override
    public BulkResult cancelAll() {
        return sim.cancelAll();
    }

    @Override
    public void closePosition(Symbol symbol) {
        sim.closePosition(symbol);
    }

    @Override
    public BulkResult closeAll() {
        return sim.closeAll();
    }

    @Override
    public Subscription subscribe(OrderUpdateListener listener) {
        Objects.requireNonNull(listener, "listener");
        return sim.subscribe(new OrderUpdateListener() {
            @Override
            public void onOrderUpdate(OrderUpdate u) {
                listener.onOrderUpdate(new OrderUpdate(u.type(), out(u.order()), out(u.fill()), u.timestamp()));
            }

            @Override
            public void onDisconnected(String reason) {
                listener.onDisconnected(reason);
            }

            @Override
            public void onReconnected() {
                listener.onReconnected();
            }
        });
    }

    @Override
    public TradingMode mode() {
        return sim.mode();
    }

    private Order out(Order o) {
        return new Order(prefix + o.brokerOrderId(), o.clientOrderId(), o.symbol(), o.side(), o.type(), o.quantity(),
                o.filledQuantity(), o.stopPrice(), o.limitPrice(), o.filledAvgPrice(), o.status(), o.timeInForce(),
                o.createdAt(), o.updatedAt(), o.legs().stream().map(this::out).toList());
    }

    private Fill out(Fill f) {
        if (f == null) {
            return null;
        }
        return new Fill(prefix + f.executionId(), prefix + f.brokerOrderId(), f.clientOrderId(), f.symbol(), f.side(),
                f.quantity(), f.price(), f.time());
    }
}
