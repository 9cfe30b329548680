package dev.orb.adapter.alpaca.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orb.domain.OrbException;
import dev.orb.domain.Order;
import dev.orb.domain.OrderUpdate;
import dev.orb.ports.BrokerException;
import dev.orb.ports.OrderUpdateListener;
import net.jacobpeterson.alpaca.util.okhttp.WebsocketStateListener;
import okhttp3.Response;

/**
 * Keeps one subscription to Alpaca's trade updates alive and complete.
 *
 * <ul>
 *   <li>At start, the fills of orders that exist already (open, or changed since shortly before) are recorded as
 *       the caller's ({@link FillLedger#seed}); then the stream is connected, and once it listens, a REST
 *       resynchronisation covers the moments in between.</li>
 *   <li>When the connection is lost: {@link OrderUpdateListener#onDisconnected} once; REST polling every
 *       {@link Settings#pollInterval()} delivers what changed meanwhile; reconnection with exponential backoff.</li>
 *   <li>Once reconnected and listening: resynchronisation over REST (orders updated since the last event seen,
 *       less {@link Settings#resyncOverlap()}); when it succeeded, {@link OrderUpdateListener#onReconnected}.</li>
 *   <li>Every delivery goes through the {@link FillLedger}: duplicate executions count once, missed fills are
 *       synthesized, nothing is counted twice.</li>
 * </ul>
 *
 * <p>Threads: the listener is called from one delivery thread ("orb-alpaca-updates"), in order; the ledger
 * and the resynchronisation live on it, so stream events and REST snapshots never interleave. Connection
 * attempts and the polling timer run on "orb-alpaca-stream". Durations of waits are scheduler delays; the only
 * wall time read is the {@code OrbClock}'s.
 */
public final class StreamSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamSupervisor.class);

    /** The environment the stream runs against, read anew at each connection and resynchronisation. */
    public interface Source {
        String name();

        /** Open orders with legs (seeding). */
        List<Order> openOrders();

        /** Orders changed at or after {@code since}, flat. */
        List<Order> ordersUpdatedSince(Instant since);

        /** A new, unconnected socket for this environment. */
        TradeUpdatesSocket newSocket(TradeUpdatesSocket.Handler handler);
    }

    private final Supplier<Source> sources;
    private final OrderUpdateListener listener;
    private final Settings settings;
    private final ExecutorService dispatcher;
    private final ScheduledExecutorService scheduler;
    private final CountDownLatch firstOutcome = new CountDownLatch(1);
    private final AtomicBoolean pollQueued = new AtomicBoolean();
    private volatile boolean pollingWanted;
    private volatile boolean closed;

    // confined to the dispatcher thread
    private final FillLedger ledger = new FillLedger();
    private Instant watermark;
    private Instant baselineFrom;
    private boolean baselineTaken;
    private boolean owedReconnected;

    // guarded by this
    private int generation;
    private TradeUpdatesSocket socket;
    private boolean live;
    private int failedAttempts;
    private ScheduledFuture<?> pendingConnect;

    private StreamSupervisor(Supplier<Source> sources, OrderUpdateListener listener, Settings settings) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dispatcher = Executors.newSingleThreadExecutor(daemon("orb-alpaca-updates"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("orb-alpaca-stream"));
    }

    /**
     * Seeds the ledger, connects, and returns once the stream listens and the first resynchronisation is done
     * (or the first attempt failed, in which case polling and reconnection go on in the background).
     *
     * @throws BrokerException when the existing orders cannot be read (nothing is started then)
     */
    public static StreamSupervisor start(Supplier<Source> sources, OrderUpdateListener listener, Settings settings) {
        StreamSupervisor s = new StreamSupervisor(sources, listener, settings);
        s.begin();
        return s;
    }

    private void begin() {
        Instant now = settings.clock().now();
        try {
            dispatcher.submit(() -> {
                watermark = now;
                baselineFrom = now.minus(settings.resyncOverlap());
                takeBaseline();
                return null;
            }).get();
        } catch (ExecutionException e) {
            close();
            if (e.getCause() instanceof BrokerException b) {
                throw b;
            }
            throw new BrokerException("Alpaca stream: reading existing orders failed: " + e.getCause(), false, e);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new BrokerException("Alpaca stream: interrupted while starting", false, e);
        }
        long poll = settings.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::pollTick, poll, poll, TimeUnit.MILLISECONDS);
        scheduleConnect(0);
        try {
            firstOutcome.await(settings.handshakeTimeout().multipliedBy(2).plusSeconds(5).toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True while the stream is connected and listening. */
    public synchronized boolean isLive() {
        return live;
    }

    /**
     * The broker switched environment: drops the connection (listener told), forgets the old account's fills,
     * seeds from the new environment and connects to it.
     */
    public void restart(String reason) {
        TradeUpdatesSocket old;
        synchronized (this) {
            if (closed) {
                return;
            }
            generation++;
            live = false;
            old = socket;
            socket = null;
            failedAttempts = 0;
        }
        pollingWanted = true;
        quietlyDisconnect(old);
        Instant now = settings.clock().now();
        dispatcher.execute(() -> {
            owe(reason);
            ledger.reset();
            watermark = now;
            baselineFrom = now.minus(settings.resyncOverlap());
            baselineTaken = false;
            try {
                takeBaseline();
            } catch (OrbException e) {
                LOG.warn("reading existing orders after the switch failed ({}); retried by the next resync",
                        e.getMessage());
            }
        });
        scheduleConnect(0);
    }

    /** Stops delivery, the connection and the timers; never throws. */
    @Override
    public void close() {
        TradeUpdatesSocket old;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            generation++;
            live = false;
            old = socket;
            socket = null;
        }
        quietlyDisconnect(old);
        scheduler.shutdownNow();
        dispatcher.shutdownNow();
        if (!Thread.currentThread().getName().startsWith("orb-alpaca-")) {
            try {
                dispatcher.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- connection (scheduler and OkHttp threads) ----

    /** One pending connection attempt at most: a newer request replaces an older one. */
    private synchronized void scheduleConnect(long delayMillis) {
        if (closed) {
            return;
        }
        if (pendingConnect != null) {
            pendingConnect.cancel(false);
        }
        pendingConnect = scheduler.schedule(this::connect, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void connect() {
        int gen;
        TradeUpdatesSocket previous;
        synchronized (this) {
            if (closed) {
                return;
            }
            gen = ++generation;
            live = false;
            previous = socket;
            socket = null;
        }
        // Alpaca allows one stream per key: never leave an older connection open behind a new one
        quietlyDisconnect(previous);
        TradeUpdatesSocket s;
        try {
            s = sources.get().newSocket(new Handler(gen));
        } catch (RuntimeException e) {
            lost(gen, "cannot open the stream: " + e.getMessage());
            return;
        }
        synchronized (this) {
            if (closed || gen != generation) {
                return;
            }
            socket = s;
        }
        s.setWebsocketStateListener(new StateListener(gen));
        s.getAuthorizationFuture(); // alpaca-java creates it lazily; create it before another thread can race
        s.connect();
        scheduler.schedule(() -> handshakeDeadline(gen), settings.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void handshakeDeadline(int gen) {
        synchronized (this) {
            if (closed || gen != generation || live) {
                return;
            }
        }
        lost(gen, "not listening within " + settings.handshakeTimeout().toMillis() + " ms");
    }

    private void ready(int gen) {
        synchronized (this) {
            if (closed || gen != generation) {
                return;
            }
            live = true;
            failedAttempts = 0;
        }
        LOG.info("Alpaca trade-updates stream listening ({})", sources.get().name());
        dispatcher.execute(() -> {
            settle(resync("stream connected"));
            firstOutcome.countDown();
        });
    }

    private void lost(int gen, String reason) {
        TradeUpdatesSocket old;
        int attempt;
        synchronized (this) {
            if (closed || gen != generation) {
                return;
            }
            generation++;
            live = false;
            old = socket;
            socket = null;
            attempt = failedAttempts++;
        }
        pollingWanted = true;
        quietlyDisconnect(old);
        Duration pause = settings.reconnectPause(attempt);
        LOG.warn("Alpaca trade-updates stream down ({}); reconnecting in {} ms, polling REST meanwhile", reason,
                pause.toMillis());
        dispatcher.execute(() -> {
            owe(reason);
            firstOutcome.countDown();
        });
        scheduleConnect(pause.toMillis());
    }

    private synchronized boolean isCurrent(int gen) {
        return !closed && gen == generation;
    }

    private static void quietlyDisconnect(TradeUpdatesSocket s) {
        if (s != null) {
            try {
                s.disconnect();
            } catch (RuntimeException e) {
                LOG.debug("closing a stream connection failed: {}", e.toString());
            }
        }
    }

    // ---- delivery (dispatcher thread) ----

    private void pollTick() {
        if (pollingWanted && !closed && pollQueued.compareAndSet(false, true)) {
            dispatcher.execute(() -> {
                pollQueued.set(false);
                settle(resync("polling while the stream is down"));
            });
        }
    }

    /** After a resynchronisation: stop polling and announce the reconnection once the stream is back and synced. */
    private void settle(boolean synced) {
        if (!synced || !isLive()) {
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
        Source src = sources.get();
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

    private void onEvent(TradeEvent event) {
        advance(event.timestamp() != null ? event.timestamp() : event.order().updatedAt());
        deliver(ledger.onStream(event, settings.clock().now()));
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

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** What one connection reports; stale connections are ignored by generation. */
    private final class Handler implements TradeUpdatesSocket.Handler {
        private final int gen;

        Handler(int gen) {
            this.gen = gen;
        }

        @Override
        public void onTradeEvent(TradeEvent event) {
            if (isCurrent(gen)) {
                dispatcher.execute(() -> onEvent(event));
            }
        }

        @Override
        public void onUnreadable(String why) {
            if (isCurrent(gen)) {
                LOG.warn("unreadable trade update ({}); resynchronising", why);
                dispatcher.execute(() -> {
                    if (!resync("unreadable stream message")) {
                        pollingWanted = true;
                    }
                });
            }
        }

        @Override
        public void onReady() {
            ready(gen);
        }

        @Override
        public void onRefused(String why) {
            LOG.error("Alpaca refused the trade-updates stream ({}): check the API key of this environment", why);
            lost(gen, why);
        }
    }

    private final class StateListener implements WebsocketStateListener {
        private final int gen;

        StateListener(int gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(Response response) {
            // authentication follows; readiness is reported by the listening confirmation
        }

        @Override
        public void onClosed(int code, String reason) {
            lost(gen, "closed by Alpaca (" + code + (reason.isEmpty() ? "" : " " + reason) + ")");
        }

        @Override
        public void onFailure(Throwable cause) {
            lost(gen, "connection failed (" + cause + ")");
        }
    }
}
