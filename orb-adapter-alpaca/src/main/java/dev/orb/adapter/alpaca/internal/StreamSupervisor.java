package dev.orb.adapter.alpaca.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orb.domain.Order;
import dev.orb.ports.BrokerException;
import dev.orb.ports.OrderUpdateListener;
import net.jacobpeterson.alpaca.util.okhttp.WebsocketStateListener;
import okhttp3.Response;

/**
 * Keeps one subscription to Alpaca's trade updates connected; {@link UpdateDelivery} makes it complete.
 *
 * <ul>
 *   <li>At start the fills of existing orders are recorded as the caller's; then the stream connects, and once
 *       Alpaca confirms listening a REST resynchronisation covers the moments in between.</li>
 *   <li>When the connection is lost (closed, failed, refused key, no listening confirmation within
 *       {@link Settings#handshakeTimeout()}): the listener hears {@code onDisconnected} once, REST is polled every
 *       {@link Settings#pollInterval()}, and a new connection is tried after an exponential backoff.</li>
 *   <li>Each connection has a generation; anything an older connection reports is ignored, and an older
 *       connection is closed before a new one opens (Alpaca allows one stream per key).</li>
 * </ul>
 *
 * <p>Connection attempts and the polling timer run on "orb-alpaca-stream"; OkHttp's websocket thread only
 * hands events on. Waits are scheduler delays; the only wall time read is the {@code OrbClock}'s.
 */
public final class StreamSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamSupervisor.class);

    /** The environment the stream runs against, read anew at each connection and resynchronisation. */
    public interface Source {
        /** "PAPER" or "LIVE", for logs. */
        String name();

        /** Open orders with legs (seeding). */
        List<Order> openOrders();

        /** Orders changed at or after {@code since}, flat. */
        List<Order> ordersUpdatedSince(Instant since);

        /** A new, unconnected socket for this environment. */
        TradeUpdatesSocket newSocket(TradeUpdatesSocket.Handler handler);
    }

    private final Supplier<Source> sources;
    private final Settings settings;
    private final UpdateDelivery delivery;
    private final ScheduledExecutorService scheduler;
    private final CountDownLatch firstOutcome = new CountDownLatch(1);

    // guarded by this
    private int generation;
    private TradeUpdatesSocket socket;
    private boolean live;
    private boolean closed;
    private int failedAttempts;
    private ScheduledFuture<?> pendingConnect;

    private StreamSupervisor(Supplier<Source> sources, OrderUpdateListener listener, Settings settings) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.delivery = new UpdateDelivery(sources, listener, settings, this::isLive);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "orb-alpaca-stream");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Seeds, connects, and returns once the stream listens and the first resynchronisation is done (or the first
     * attempt failed; polling and reconnection then go on in the background).
     *
     * @throws BrokerException when the existing orders cannot be read (nothing is started then)
     */
    public static StreamSupervisor start(Supplier<Source> sources, OrderUpdateListener listener, Settings settings) {
        StreamSupervisor s = new StreamSupervisor(sources, listener, settings);
        try {
            s.delivery.begin(settings.clock().now());
        } catch (BrokerException e) {
            s.close();
            throw e;
        }
        long poll = settings.pollInterval().toMillis();
        s.scheduler.scheduleWithFixedDelay(s.delivery::pollTick, poll, poll, TimeUnit.MILLISECONDS);
        s.scheduleConnect(0);
        try {
            s.firstOutcome.await(settings.handshakeTimeout().multipliedBy(2).plusSeconds(5).toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return s;
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
        quietlyDisconnect(old);
        delivery.switched(reason, settings.clock().now());
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
        delivery.close();
    }

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
        delivery.connected(firstOutcome::countDown);
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
        quietlyDisconnect(old);
        Duration pause = settings.reconnectPause(attempt);
        LOG.warn("Alpaca trade-updates stream down ({}); reconnecting in {} ms, polling REST meanwhile", reason,
                pause.toMillis());
        delivery.disconnected(reason, firstOutcome::countDown);
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

    /** What one connection reports; stale connections are ignored by generation. */
    private final class Handler implements TradeUpdatesSocket.Handler {
        private final int gen;

        Handler(int gen) {
            this.gen = gen;
        }

        @Override
        public void onTradeEvent(TradeEvent event) {
            if (isCurrent(gen)) {
                delivery.event(event);
            }
        }

        @Override
        public void onUnreadable(String why) {
            if (isCurrent(gen)) {
                LOG.warn("unreadable trade update ({}); resynchronising", why);
                delivery.unreadable();
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
