package dev.orb.core.live;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.orb.core.fakes.FakeBroker;
import dev.orb.domain.Account;
import dev.orb.domain.Asset;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Order;
import dev.orb.domain.OrderRequest;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.Position;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingMode;
import dev.orb.ports.Broker;
import dev.orb.ports.BrokerException;
import dev.orb.ports.BulkResult;
import dev.orb.ports.OrderUpdateListener;
import dev.orb.ports.Subscription;

/**
 * One process's connection to a shared {@link FakeBroker}: it can become unreachable (every call throws an unknown-
 * outcome {@link BrokerException}), and it can die (a crashed process: calls throw and stream updates are no longer
 * delivered to its listeners). Counts calls for assertions.
 */
final class FlakyBroker implements Broker {
    private final FakeBroker broker;
    private volatile boolean reachable = true;
    private volatile boolean dead;
    final AtomicInteger assetCalls = new AtomicInteger();
    final AtomicInteger accountCalls = new AtomicInteger();

    FlakyBroker(FakeBroker broker) {
        this.broker = broker;
    }

    FlakyBroker unreachable() {
        reachable = false;
        return this;
    }

    FlakyBroker reachable() {
        reachable = true;
        return this;
    }

    /** The process holding this connection crashed. */
    void kill() {
        dead = true;
    }

    private void check() {
        if (!reachable || dead) {
            throw new BrokerException("connection refused (FlakyBroker)", false);
        }
    }

    @Override
    public Account account() {
        accountCalls.incrementAndGet();
        check();
        return broker.account();
    }

    @Override
    public List<Position> positions() {
        check();
        return broker.positions();
    }

    @Override
    public List<Order> openOrders() {
        check();
        return broker.openOrders();
    }

    @Override
    public List<Order> ordersUpdatedSince(Instant since) {
        check();
        return broker.ordersUpdatedSince(since);
    }

    @Override
    public Optional<Order> orderByClientOrderId(ClientOrderId id) {
        check();
        return broker.orderByClientOrderId(id);
    }

    @Override
    public Asset asset(Symbol symbol) {
        assetCalls.incrementAndGet();
        check();
        return broker.asset(symbol);
    }

    @Override
    public Order submit(OrderRequest request) {
        check();
        return broker.submit(request);
    }

    @Override
    public void cancel(String brokerOrderId) {
        check();
        broker.cancel(brokerOrderId);
    }

    @Override
    public BulkResult cancelAll() {
        check();
        return broker.cancelAll();
    }

    @Override
    public void closePosition(Symbol symbol) {
        check();
        broker.closePosition(symbol);
    }

    @Override
    public BulkResult closeAll() {
        check();
        return broker.closeAll();
    }

    @Override
    public Subscription subscribe(OrderUpdateListener listener) {
        check();
        return broker.subscribe(new OrderUpdateListener() {
            @Override
            public void onOrderUpdate(OrderUpdate update) {
                if (!dead) {
                    listener.onOrderUpdate(update);
                }
            }

            @Override
            public void onDisconnected(String reason) {
                if (!dead) {
                    listener.onDisconnected(reason);
                }
            }

            @Override
            public void onReconnected() {
                if (!dead) {
                    listener.onReconnected();
                }
            }
        });
    }

    @Override
    public TradingMode mode() {
        return broker.mode();
    }
}
