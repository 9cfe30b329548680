package dev.orb.adapter.alpaca.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orb.domain.OrbException;
import dev.orb.domain.Order;
import dev.orb.domain.OrderUpdate;
import dev.orb.ports.BrokerException;
import dev.orb.ports.OrderUpdateListener;

/**
 * The delivery side of the order-update stream: one thread ("orb-alpaca-updates") owns the {@link FillLedger},
 * the watermark of the last event seen and every listener call, so stream events and REST resynchronisations
 * never interleave. {@link StreamSupervisor} feeds it connection changes and events.
 *
 * <p>Resynchronisation reads {@code ordersUpdatedSince(watermark − resyncOverlap)} and hands each order to the
 * ledger. {@code onDisconnected} is delivered once per outage and {@code onReconnected} only after the stream
 * listens again <em>and</em> a resynchronisation succeeded; until then REST is polled.
 */
final class UpdateDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateDelivery.class);
    private final Supplier<StreamSupervisor.Source> sources;
    private final OrderUpdateListener listener;
    private final Settings settings;
    private final BooleanSupplier streamLive;
    private final ExecutorService thread;
    private final AtomicBoolean pollQueued = new AtomicBoolean();
    private volatile boolean pollingWanted;
    private volatile boolean closed;

    // confined to the delivery thread
    private final FillLedger ledger = new FillLedger();
    private Instant watermark;
    private Instant baselineFrom;
    private boolean baselineTaken;
    private boolean owedReconnected;

    UpdateDelivery(Supplier<StreamSupervisor.Source> sources, OrderUpdateListener listener, Settings settings,
                   BooleanSupplier streamLive) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.streamLive = Objects.requireNonNull(streamLive, "streamLive");
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "orb-alpaca-updates");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Records the orders existing at {@code now} as the caller's; blocks until done.
     *
     * @throws BrokerException when they cannot be read
     */
    void begin(Instant now) {
        try {
            thread.submit(() -> {
                reset(now);
                takeBaseline();
                return null;
            }).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BrokerException b) {
                throw b;
            }
            throw new BrokerException("Alpaca stream: reading existing orders failed: " + e.getCause(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("Alpaca stream: interrupted while starting", false, e);
        }
    }

    void event(TradeEvent event) {
        thread.execute(() -> {
            advance(event.timestamp() != null ? event.timestamp() : event.order().updatedAt());
            deliver(ledger.onStream(event, settings.clock().now()));
        });
    }

    /** The stream listens (again): resynchronise, then announce the reconnection; {@code then} runs after. */
    void connected(Runnable then) {
        thread.execute(() -> {
            settle(resync("stream connected"));
            then.run();
        });
    }

    /** The stream is down: tell the listener once, poll until it is back; {@code then} runs after. */
    void disconnected(String reason, Runnable then) {
        pollingWanted = true;
        thread.execute(() -> {
            owe(reason);
            then.run();
        });
    }

    /** A trade update could not be read: an event may be lost. */
    void unreadable() {
        thread.execute(() -> {
            if (!resync("unreadable stream message")) {
                pollingWanted = true;
            }
        });
    }

    /** Called by the polling timer; resynchronises while polling is wanted (one queued poll at most). */
    void pollTick() {
        if (pollingWanted && !closed && pollQueued.compareAndSet(false, true)) {
            thread.execute(() -> {
                pollQueued.set(false);
                settle(resync("polling while the stream is down"));
            });
        }
    }

    /** Another account: forget the ledger and seed again from the new environment. */
    void switched(String reason, Instant now) {
        pollingWanted = true;
        thread.execute(() -> {
            owe(reason);
            ledger.reset();
            reset(now);
            try {
                takeBaseline();
            } catch (OrbException e) {
                LOG.warn("reading existing orders after the switch failed ({}); retried by the next resync",
                        e.getMessage());
            }
        });
    }

    /** Stops delivery; waits briefly for a listener call in progress unless called from the delivery thread. */
    void close() {
        closed = true;
        thread.shutdownNow();
        if (!Thread.currentThread().getName().startsWith("orb-alpaca-")) {
            try {
                thread.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void reset(Instant now) {
        watermark = now;
        baselineFrom = now.minus(settings.resyncOverlap());
        baselineTaken = false;
    }

    /** After a resynchronisation: stop polling and announce the reconnection once the stream is back and synced. */
    private void settle(boolean synced) {
        if (!synced || !streamLive.getAsBoolean()) {
            pollingWanted = true;
            return;
        }
        pollingWanted = false;
        if (owedReconnected) {
            owedReconnected = false;
            notifyListener(OrderUpdateListener::onReconnected);
        }
    }

    private void owe(String reason) {
        if (!owedReconnected) {
            owedReconnected = true;
            notifyListener(l -> l.onDisconnected(reason));
        }
    }

    private void takeBaseline() {
        StreamSupervisor.Source src = sources.get();
        int n = 0;
        for (Order o : src.openOrders()) {
            ledger.seed(o);
            n++;
        }
        for (Order o : src.ordersUpdatedSince(baselineFrom)) {
            ledger.seed(o);
            n++;
        }
        baselineTaken = true;
        LOG.info("Alpaca stream baseline ({}): {} existing orders recorded", src.name(), n);
    }

    private boolean resync(String why) {
        try {
            if (!baselineTaken) {
                takeBaseline();
            }
            Instant since = watermark.minus(settings.resyncOverlap());
            List<Order> orders = sources.get().ordersUpdatedSince(since);
            int delivered = 0;
            for (Order o : orders) {
                List<OrderUpdate> updates = ledger.onSnapshot(o, settings.clock().now());
                delivered += updates.size();
                deliver(updates);
                advance(o.updatedAt());
            }
            LOG.info("Alpaca resync ({}): {} orders changed since {}, {} updates delivered", why, orders.size(), since,
                    delivered);
            return true;
        } catch (OrbException e) {
            LOG.warn("Alpaca resync ({}) failed: {}", why, e.getMessage());
            return false;
        }
    }

    private void advance(Instant t) {
        if (t != null && t.isAfter(watermark)) {
            watermark = t;
        }
    }

    private void deliver(List<OrderUpdate> updates) {
        for (OrderUpdate u : updates) {
            notifyListener(l -> l.onOrderUpdate(u));
        }
    }

    private void notifyListener(Consumer<OrderUpdateListener> call) {
        if (closed) {
            return;
        }
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            LOG.error("order update listener failed", e);
        }
    }
}
