package dev.orb.adapter.alpaca.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.orb.domain.Order;
import dev.orb.domain.TradingMode;
import net.jacobpeterson.alpaca.AlpacaAPI;
import net.jacobpeterson.alpaca.model.endpoint.marketdata.stock.historical.bar.enums.BarFeed;
import net.jacobpeterson.alpaca.model.properties.DataAPIType;
import net.jacobpeterson.alpaca.model.properties.EndpointAPIType;
import okhttp3.OkHttpClient;

/**
 * One Alpaca environment (paper or live) with its keys: alpaca-java's API object on the adapter's shared OkHttp
 * client, and the clients built on it. {@link #toString()} names the mode only; the keys stay inside alpaca-java
 * and the stream's socket factory.
 */
public final class Environment {
    private final TradingMode mode;
    private final AlpacaRest rest;
    private final OrderSubmitter submitter;
    private final BarsClient bars;
    private final CalendarClient calendar;
    private final StreamSupervisor.Source streamSource;

    private Environment(TradingMode mode, AlpacaAPI api, OkHttpClient http, String keyId, String secretKey,
                        Settings settings) {
        this.mode = mode;
        this.rest = new AlpacaRest(api, settings);
        this.submitter = new OrderSubmitter(rest, settings);
        this.bars = new BarsClient(api, settings);
        this.calendar = new CalendarClient(api);
        this.streamSource = new StreamSupervisor.Source() {
            @Override
            public String name() {
                return mode.name();
            }

            @Override
            public List<Order> openOrders() {
                return rest.openOrders();
            }

            @Override
            public List<Order> ordersUpdatedSince(Instant since) {
                return rest.ordersUpdatedSince(since);
            }

            @Override
            public TradeUpdatesSocket newSocket(TradeUpdatesSocket.Handler handler) {
                return new TradeUpdatesSocket(http, mode, keyId, secretKey, handler);
            }
        };
    }

    /** The environment {@code mode} reached with these keys over {@code http}. */
    public static Environment create(TradingMode mode, String keyId, String secretKey, OkHttpClient http,
                                     Settings settings) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(secretKey, "secretKey");
        AlpacaAPI api = new AlpacaAPI(http, keyId, secretKey, null,
                mode == TradingMode.LIVE ? EndpointAPIType.LIVE : EndpointAPIType.PAPER,
                settings.feed() == BarFeed.SIP ? DataAPIType.SIP : DataAPIType.IEX);
        return new Environment(mode, api, http, keyId, secretKey, settings);
    }

    /** Paper or live. */
    public TradingMode mode() {
        return mode;
    }

    /** The broker REST calls of this environment. */
    public AlpacaRest rest() {
        return rest;
    }

    /** Idempotent order submission of this environment. */
    public OrderSubmitter submitter() {
        return submitter;
    }

    /** Market data with this environment's keys. */
    public BarsClient bars() {
        return bars;
    }

    /** Calendar and clock of this environment. */
    public CalendarClient calendar() {
        return calendar;
    }

    /** What the order-update stream needs of this environment. */
    public StreamSupervisor.Source streamSource() {
        return streamSource;
    }

    @Override
    public String toString() {
        return "Alpaca " + mode;
    }
}
