package dev.orb.app.demo;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.orb.domain.Account;
import dev.orb.domain.Asset;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Order;
import dev.orb.domain.OrderRequest;
import dev.orb.domain.Position;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingMode;
import dev.orb.ports.Broker;
import dev.orb.ports.BulkResult;
import dev.orb.ports.OrderUpdateListener;
import dev.orb.ports.Subscription;
import dev.orb.sim.backtest.SimulatedBroker;

/**
 * The demo's {@link Broker} as the dashboard sees it: the {@link SimulatedBroker} of the session being replayed
 * (one per session, its equity carried over), behind this object's monitor.
 *
 * <p>{@link SimulatedBroker} is single-threaded, so every path into it holds this object's monitor: these methods,
 * the replay's steps and the operator's controls ({@link #lock()}). The monitor is always taken before the
 * engine's own locks, which keeps the order of locks the same on every thread.
 */
public final class DemoBroker implements Broker {
    private SessionBroker current;

    /**
     * @param first   the broker of the first session
     * @param session the first session's date
     */
    public DemoBroker(SimulatedBroker first, java.time.LocalDate session) {
        this.current = new SessionBroker(Objects.requireNonNull(first, "first"), session);
    }

    /** The monitor that serialises every use of the simulated brokers. */
    public Object lock() {
        return this;
    }

    /** The simulated broker of the session being replayed (for its bars and its account). */
    public synchronized SimulatedBroker current() {
        return current.sim();
    }

    /**
     * Switches to the next session's broker.
     *
     * @return the session's broker as the engine must see it (order ids unique across sessions)
     */
    public synchronized Broker replace(SimulatedBroker next, java.time.LocalDate session) {
        current = new SessionBroker(Objects.requireNonNull(next, "next"), session);
        return current;
    }

    @Override
    public synchronized Account account() {
        return current.account();
    }

    @Override
    public synchronized List<Position> positions() {
        return current.positions();
    }

    @Override
    public synchronized List<Order> openOrders() {
        return current.openOrders();
    }

    @Override
    public synchronized List<Order> ordersUpdatedSince(Instant since) {
        return current.ordersUpdatedSince(since);
    }

    @Override
    public synchronized Optional<Order> orderByClientOrderId(ClientOrderId id) {
        return current.orderByClientOrderId(id);
    }

    @Override
    public synchronized Asset asset(Symbol symbol) {
        return current.asset(symbol);
    }

    @Override
    public synchronized Order submit(OrderRequest request) {
        return current.submit(request);
    }

    @Override
    public synchronized void cancel(String brokerOrderId) {
        current.cancel(brokerOrderId);
    }

    @Override
    public synchronized BulkResult cancelAll() {
        return current.cancelAll();
    }

    @Override
    public synchronized void closePosition(Symbol symbol) {
        current.closePosition(symbol);
    }

    @Override
    public synchronized BulkResult closeAll() {
        return current.closeAll();
    }

    /** Subscribes to the current session's broker (each session's engine subscribes to its own). */
    @Override
    public synchronized Subscription subscribe(OrderUpdateListener listener) {
        return current.subscribe(listener);
    }

    /** Always paper: the demo never reaches a real broker. */
    @Override
    public TradingMode mode() {
        return TradingMode.PAPER;
    }
}
