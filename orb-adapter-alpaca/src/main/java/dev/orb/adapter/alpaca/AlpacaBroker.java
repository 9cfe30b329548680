package dev.orb.adapter.alpaca;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orb.adapter.alpaca.internal.Environment;
import dev.orb.adapter.alpaca.internal.HttpClients;
import dev.orb.adapter.alpaca.internal.IdempotentRetry;
import dev.orb.adapter.alpaca.internal.RequestBudget;
import dev.orb.adapter.alpaca.internal.Settings;
import dev.orb.adapter.alpaca.internal.StreamSupervisor;
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
import dev.orb.ports.MarketData;
import dev.orb.ports.OrderUpdateListener;
import dev.orb.ports.Subscription;
import net.jacobpeterson.alpaca.model.endpoint.marketdata.stock.historical.bar.enums.BarFeed;
import okhttp3.OkHttpClient;

/**
 * orb's {@link Broker} at Alpaca, through alpaca-java 9.2.0; with {@link #marketData()} and {@link #calendar()}
 * from the same configuration, sharing one HTTP client and one request budget.
 *
 * <p>Guarantees beyond the port: an order whose POST times out or meets a 5xx is resolved by looking its client
 * order id up before any retry, so one intent never becomes two orders; every REST call spends the shared
 * budget (queued, never dropped; 429 waits for {@code X-Ratelimit-Reset}); idempotent calls are retried with
 * backoff; the order-update stream survives outages without missing or double-counting a fill (see
 * {@link #subscribe}); the environment changes only when flat ({@link #switchMode}).
 *
 * <p>Thread-safe; every method blocks until Alpaca answered. {@link #close()} releases threads and connections.
 */
public final class AlpacaBroker implements Broker, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaBroker.class);

    private final AlpacaConfig config;
    private final Settings settings;
    private final OkHttpClient http;
    private final Map<TradingMode, Environment> environments;
    private final ReentrantReadWriteLock modeLock = new ReentrantReadWriteLock(true);
    private final ExecutorService submitPool;
    private final AlpacaMarketData marketData;
    private final AlpacaCalendar calendar;
    private volatile Environment current;
    private StreamSupervisor stream; // guarded by this

    private AlpacaBroker(AlpacaConfig config) {
        this.config = config;
        this.settings = new Settings(config.clock(), config.sleeper, config.feed() == DataFeed.SIP ? BarFeed.SIP
                : BarFeed.IEX, config.maxRetries(), config.retryBackoff(), config.submitAttempts(),
                config.symbolsPerBarsRequest(), config.orderLookback(), config.resyncOverlap(), config.pollInterval(),
                config.reconnectBackoff(), config.maxReconnectBackoff(), config.handshakeTimeout());
        RequestBudget budget = config.budgetCycle != null
                ? new RequestBudget(config.permitsPerCycle, config.budgetCycle, config.maxQueueWait(), config.clock(),
                config.sleeper)
                : RequestBudget.perMinute(config.requestsPerMinute(), config.maxQueueWait(), config.clock(),
                config.sleeper);
        this.http = HttpClients.build(config.connectTimeout(), config.readTimeout(), config.writeTimeout(),
                new IdempotentRetry(settings), budget, config.transport);
        Map<TradingMode, Environment> envs = new EnumMap<>(TradingMode.class);
        for (TradingMode m : TradingMode.values()) {
            config.credentials(m).ifPresent(c -> envs.put(m, Environment.create(m, c.keyId(), c.secretKey(), http,
                    settings)));
        }
        this.environments = envs;
        this.current = envs.get(config.mode());
        AtomicInteger n = new AtomicInteger();
        this.submitPool = Executors.newFixedThreadPool(config.submitParallelism(), r -> {
            Thread t = new Thread(r, "orb-alpaca-submit-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.marketData = new AlpacaMarketData(() -> current.bars(), config.feed());
        this.calendar = new AlpacaCalendar(() -> current.calendar());
    }

    /**
     * The broker for {@code config}, in {@link AlpacaConfig#mode()}. Makes no request; logs a warning when the
     * data feed is IEX (its RVOL is not comparable to SIP's).
     */
    public static AlpacaBroker create(AlpacaConfig config) {
        Objects.requireNonNull(config, "config");
        AlpacaBroker broker = new AlpacaBroker(config);
        if (config.feed() == DataFeed.IEX) {
            LOG.warn("Alpaca data feed is IEX: its volumes are a few percent of the consolidated tape, so RVOL "
                    + "computed from IEX bars is not comparable to SIP-based RVOL or thresholds");
        }
        LOG.info("Alpaca adapter ready: {}", config);
        return broker;
    }

    @Override
    public Account account() {
        return read(e -> e.rest().account());
    }

    @Override
    public List<Position> positions() {
        return read(e -> e.rest().positions());
    }

    @Override
    public List<Order> openOrders() {
        return read(e -> e.rest().openOrders());
    }

    /** Flat list: OTO legs appear as orders of their own, parents without legs. */
    @Override
    public List<Order> ordersUpdatedSince(Instant since) {
        Objects.requireNonNull(since, "since");
        return read(e -> e.rest().ordersUpdatedSince(since));
    }

    @Override
    public Optional<Order> orderByClientOrderId(ClientOrderId id) {
        Objects.requireNonNull(id, "id");
        return read(e -> e.rest().byClientOrderId(id));
    }

    @Override
    public Asset asset(Symbol symbol) {
        Objects.requireNonNull(symbol, "symbol");
        return read(e -> e.rest().asset(symbol));
    }

    /**
     * Sends the order; with a stop-loss price as one {@code order_class=oto} order. Prices go exactly as the
     * request's on-tick {@code Price}s. An unknown outcome (timeout, 5xx) is resolved by the client order id
     * before any retry; a reused id returns the existing order.
     */
    @Override
    public Order submit(OrderRequest request) {
        Objects.requireNonNull(request, "request");
        return read(e -> e.submitter().submit(request));
    }

    /**
     * Submits many orders at once with at most {@link AlpacaConfig#submitParallelism()} in flight, each as
     * {@link #submit} (idempotent, within the shared budget). Results are in request order; one failing request
     * does not stop the others.
     */
    public List<SubmitResult> submitAll(List<OrderRequest> requests) {
        Objects.requireNonNull(requests, "requests");
        List<Future<Order>> futures = new ArrayList<>();
        List<SubmitResult> results = new ArrayList<>();
        for (OrderRequest r : requests) {
            Objects.requireNonNull(r, "requests contains null");
            try {
                futures.add(submitPool.submit(() -> submit(r)));
            } catch (RejectedExecutionException e) {
                futures.add(null);
            }
        }
        for (int i = 0; i < requests.size(); i++) {
            OrderRequest r = requests.get(i);
            Future<Order> f = futures.get(i);
            if (f == null) {
                results.add(new SubmitResult(r, null, new BrokerException("Alpaca broker is closed; "
                        + r.clientOrderId() + " not sent", true)));
                continue;
            }
            try {
                results.add(new SubmitResult(r, f.get(), null));
            } catch (ExecutionException e) {
                results.add(new SubmitResult(r, null, e.getCause() instanceof BrokerException b ? b
                        : new BrokerException("order " + r.clientOrderId() + ": " + e.getCause(), false, e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.add(new SubmitResult(r, null, new BrokerException("interrupted while waiting for "
                        + r.clientOrderId() + "; outcome unknown", false, e)));
            }
        }
        return List.copyOf(results);
    }

    @Override
    public void cancel(String brokerOrderId) {
        Objects.requireNonNull(brokerOrderId, "brokerOrderId");
        read(e -> {
            e.rest().cancel(brokerOrderId);
            return null;
        });
    }

    /** DELETE /v2/orders — protective stops included; each order's outcome from Alpaca's 207 answer. */
    @Override
    public BulkResult cancelAll() {
        return read(e -> e.rest().cancelAll());
    }

    @Override
    public void closePosition(Symbol symbol) {
        Objects.requireNonNull(symbol, "symbol");
        read(e -> {
            e.rest().closePosition(symbol);
            return null;
        });
    }

    /** DELETE /v2/positions?cancel_orders=true; each symbol's outcome from Alpaca's 207 answer. */
    @Override
    public BulkResult closeAll() {
        return read(e -> e.rest().closeAll());
    }

    /**
     * Streams order updates (Alpaca's trade_updates) to {@code listener} on one delivery thread.
     *
     * <p>Orders existing at subscription are recorded as the caller's (reconcile them over REST <em>after</em>
     * this returns); from then on every execution is delivered exactly once: duplicates by execution id are
     * dropped, and fills missed while the stream was down are delivered after a REST resynchronisation as
     * synthesized fills with execution id {@code resync:<brokerOrderId>:<cumulativeFilledQty>}. While the stream
     * is down the listener has had {@code onDisconnected}, REST is polled, and {@code onReconnected} follows the
     * resynchronisation after reconnection. Returns once the stream listens (or the first attempt failed).
     *
     * @throws BrokerException if already subscribed, or existing orders cannot be read
     */
    @Override
    public synchronized Subscription subscribe(OrderUpdateListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (stream != null) {
            throw new BrokerException("Alpaca broker: already subscribed; close that subscription first", true);
        }
        StreamSupervisor s = StreamSupervisor.start(() -> current.streamSource(), listener, settings);
        stream = s;
        return () -> {
            synchronized (this) {
                if (stream == s) {
                    stream = null;
                }
            }
            s.close();
        };
    }

    @Override
    public TradingMode mode() {
        return current.mode();
    }

    /** True when the current environment has no position and no open order. */
    public boolean isFlat() {
        return read(e -> flatness(e) == null);
    }

    /**
     * Switches to the other environment's keys, only when the current one is flat (no position, no open order).
     * Operations in flight finish first and none starts until the switch is done; a subscription moves with it
     * (listener gets {@code onDisconnected}, then {@code onReconnected}). The explicit confirmation safety.md asks
     * for is the application's to obtain before calling this.
     *
     * @throws BrokerException rejected when not flat or when the target's keys are not configured
     */
    public void switchMode(TradingMode target) {
        Objects.requireNonNull(target, "target");
        Lock write = modeLock.writeLock();
        write.lock();
        try {
            Environment from = current;
            if (from.mode() == target) {
                return;
            }
            Environment to = environments.get(target);
            if (to == null) {
                throw new BrokerException("cannot switch to " + target + ": no " + target + " credentials configured",
                        true);
            }
            String problem = flatness(from);
            if (problem != null) {
                throw new BrokerException("cannot switch from " + from.mode() + " to " + target + ": not flat ("
                        + problem + ")", true);
            }
            current = to;
            LOG.warn("Alpaca environment switched from {} to {}", from.mode(), target);
            synchronized (this) {
                if (stream != null) {
                    stream.restart("switched from " + from.mode() + " to " + target);
                }
            }
        } finally {
            write.unlock();
        }
    }

    /** Intraday and daily bars from Alpaca's data API ({@link AlpacaConfig#feed()}), same budget. */
    public MarketData marketData() {
        return marketData;
    }

    /** Alpaca's exchange calendar and clock, same budget. */
    public AlpacaCalendar calendar() {
        return calendar;
    }

    /** Closes the subscription, threads and pooled connections. */
    @Override
    public void close() {
        StreamSupervisor s;
        synchronized (this) {
            s = stream;
            stream = null;
        }
        if (s != null) {
            s.close();
        }
        submitPool.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "AlpacaBroker[mode=" + current.mode() + ", feed=" + config.feed() + "]";
    }

    private static String flatness(Environment e) {
        List<Position> positions = e.rest().positions();
        List<Order> orders = e.rest().openOrders();
        if (positions.isEmpty() && orders.isEmpty()) {
            return null;
        }
        return positions.size() + " positions " + positions.stream().map(p -> p.symbol() + " " + p.quantity())
                .collect(Collectors.joining(", ", "[", "]")) + ", " + orders.size() + " open orders "
                + orders.stream().map(o -> o.clientOrderId().value()).collect(Collectors.joining(", ", "[", "]"));
    }

    private <T> T read(Function<Environment, T> call) {
        Lock read = modeLock.readLock();
        read.lock();
        try {
            return call.apply(current);
        } finally {
            read.unlock();
        }
    }
}
