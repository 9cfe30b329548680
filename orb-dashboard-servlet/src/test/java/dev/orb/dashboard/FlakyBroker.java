package dev.orb.dashboard;

import java.time.Instant;
import java.util.List;
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
import dev.orb.ports.BrokerException;
import dev.orb.ports.BulkResult;
import dev.orb.ports.OrderUpdateListener;
import dev.orb.ports.Subscription;

/** A {@link FakeBroker}-backed broker whose reads can be made to fail with a chosen error text (an outage). */
final class FlakyBroker implements Broker {
    private final Broker delegate;
    private volatile String failure;

    FlakyBroker(Broker delegate) {
        this.delegate = delegate;
    }

    /** Makes account and position reads fail with {@code message}; null heals it. */
    void failReads(String message) {
        this.failure = message;
    }

    private void check() {
        String f = failure;
        if (f != null) {
            throw new BrokerException(f, false);
        }
    }

    @Override
    public Account account() {
        check();
        return delegate.account();
    }

    @Override
    public List<Position> positions() {
        check();
        return delegate.positions();
    }

    @Override
    public List<Order> openOrders() {
        return delegate.openOrders();
    }

    @Override
    public List<Order> ordersUpdatedSince(Instant since) {
        return delegate.ordersUpdatedSince(since);
    }

    @Override
    public Optional<Order> orderByClientOrderId(ClientOrderId id) {
        return delegate.orderByClientOrderId(id);
    }

    @Override
    public Asset asset(Symbol symbol) {
        return delegate.asset(symbol);
    }

    @Override
    public Order submit(OrderRequest request) {
        return delegate.submit(request);
    }

    @Override
    public void cancel(String brokerOrderId) {
        delegate.cancel(brokerOrderId);
    }

    @Override
    public BulkResult cancelAll() {
        return delegate.cancelAll();
    }

    @Override
    public void closePosition(Symbol symbol) {
        delegate.closePosition(symbol);
    }

    @Override
    public BulkResult closeAll() {
        return delegate.closeAll();
    }

    @Override
    public Subscription subscribe(OrderUpdateListener listener) {
        return delegate.subscribe(listener);
    }

    @Override
    public TradingMode mode() {
        return delegate.mode();
    }
}
