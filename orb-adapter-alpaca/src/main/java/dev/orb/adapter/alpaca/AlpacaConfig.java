package dev.orb.adapter.alpaca;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import dev.orb.adapter.alpaca.internal.Sleeper;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.TradingMode;
import dev.orb.ports.OrbClock;
import okhttp3.Interceptor;

/**
 * Everything the Alpaca adapter needs: keys per environment, the starting environment, the data feed, timeouts
 * and the request budget, with documented defaults ({@code DEFAULT_*}). Build with {@link #builder()};
 * {@link Builder#build()} validates and names the offending key.
 *
 * <p>Keys never appear in {@link #toString()} (the key id is shortened, the secret replaced). Immutable and
 * thread-safe.
 */
public final class AlpacaConfig {
    public static final TradingMode DEFAULT_MODE = TradingMode.PAPER;
    public static final DataFeed DEFAULT_FEED = DataFeed.IEX;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Also the time after which an unanswered order POST counts as "outcome unknown". */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);
    /** Alpaca's documented per-account limit. */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 200;
    public static final Duration DEFAULT_MAX_QUEUE_WAIT = Duration.ofMinutes(2);
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(250);
    public static final int DEFAULT_SUBMIT_ATTEMPTS = 3;
    public static final int DEFAULT_SUBMIT_PARALLELISM = 10;
    public static final int DEFAULT_SYMBOLS_PER_BARS_REQUEST = 100;
    public static final Duration DEFAULT_ORDER_LOOKBACK = Duration.ofDays(7);
    public static final Duration DEFAULT_RESYNC_OVERLAP = Duration.ofSeconds(30);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RECONNECT_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_RECONNECT_BACKOFF = Duration.ofSeconds(30);
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * An API key pair of one environment. Validated without ever quoting the values; {@link #toString()} shows the
     * first four characters of the key id only.
     *
     * @param keyId     the key id (header {@code APCA-API-KEY-ID})
     * @param secretKey the secret (header {@code APCA-API-SECRET-KEY})
     */
    public record Credentials(String keyId, String secretKey) {
        public Credentials {
            check(keyId, "keyId");
            check(secretKey, "secretKey");
        }

        private static void check(String value, String field) {
            if (value == null || value.isBlank()) {
                throw new InvalidValueException("AlpacaConfig.Credentials." + field + ": must not be blank");
            }
            if (!value.strip().equals(value) || value.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new InvalidValueException("AlpacaConfig.Credentials." + field
                        + ": must be printable ASCII without spaces (value not shown)");
            }
        }

        @Override
        public String toString() {
            return "Credentials[keyId=" + keyId.substring(0, Math.min(4, keyId.length())) + "…, secretKey=<redacted>]";
        }
    }

    private final Credentials paper;
    private final Credentials live;
    private final TradingMode mode;
    private final DataFeed feed;
    private final OrbClock clock;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final int requestsPerMinute;
    private final Duration maxQueueWait;
    private final int maxRetries;
    private final Duration retryBackoff;
    private final int submitAttempts;
    private final int submitParallelism;
    private final int symbolsPerBarsRequest;
    private final Duration orderLookback;
    private final Duration resyncOverlap;
    private final Duration pollInterval;
    private final Duration reconnectBackoff;
    private final Duration maxReconnectBackoff;
    private final Duration handshakeTimeout;
    // test seams, package-private
    final Interceptor transport;
    final Sleeper sleeper;
    final int permitsPerCycle;
    final Duration budgetCycle;

    private AlpacaConfig(Builder b) {
        paper = b.paper;
        live = b.live;
        mode = b.mode;
        feed = b.feed;
        clock = b.clock;
        connectTimeout = b.connectTimeout;
        readTimeout = b.readTimeout;
        writeTimeout = b.writeTimeout;
        requestsPerMinute = b.requestsPerMinute;
        maxQueueWait = b.maxQueueWait;
        maxRetries = b.maxRetries;
        retryBackoff = b.retryBackoff;
        submitAttempts = b.submitAttempts;
        submitParallelism = b.submitParallelism;
        symbolsPerBarsRequest = b.symbolsPerBarsRequest;
        orderLookback = b.orderLookback;
        resyncOverlap = b.resyncOverlap;
        pollInterval = b.pollInterval;
        reconnectBackoff = b.reconnectBackoff;
        maxReconnectBackoff = b.maxReconnectBackoff;
        handshakeTimeout = b.handshakeTimeout;
        transport = b.transport;
        sleeper = b.sleeper;
        permitsPerCycle = b.permitsPerCycle;
        budgetCycle = b.budgetCycle;
    }

    /** A builder with every default set and no keys. */
    public static Builder builder() {
        return new Builder();
    }

    /** The keys of {@code mode}, if configured. */
    public Optional<Credentials> credentials(TradingMode mode) {
        return Optional.ofNullable(mode == TradingMode.LIVE ? live : paper);
    }

    /** The environment the broker starts in. */
    public TradingMode mode() {
        return mode;
    }

    /** The market-data feed (default IEX). */
    public DataFeed feed() {
        return feed;
    }

    /** The clock for rate-limit waits and resynchronisation windows. */
    public OrbClock clock() {
        return clock;
    }

    /** TCP/TLS connect timeout of one exchange. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Read timeout of one exchange; an order POST unanswered this long has an unknown outcome. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Write timeout of one exchange. */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** The REST budget per minute shared by every call (never exceeded in any sliding minute). */
    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    /** Longest wait for the budget before a request is refused unsent. */
    public Duration maxQueueWait() {
        return maxQueueWait;
    }

    /** Retries of a GET/DELETE after a 5xx or no answer. */
    public int maxRetries() {
        return maxRetries;
    }

    /** First pause between retries; doubles per retry, at most 8 s. */
    public Duration retryBackoff() {
        return retryBackoff;
    }

    /** POST attempts per order; each retry only after a by-client-order-id lookup found nothing. */
    public int submitAttempts() {
        return submitAttempts;
    }

    /** Orders {@link AlpacaBroker#submitAll} sends at once. */
    public int submitParallelism() {
        return submitParallelism;
    }

    /** Symbols per multi-symbol bars request. */
    public int symbolsPerBarsRequest() {
        return symbolsPerBarsRequest;
    }

    /** How far before {@code since} order listings reach (Alpaca filters listings by submission time). */
    public Duration orderLookback() {
        return orderLookback;
    }

    /** How far before the last seen event a resynchronisation starts (covers clock skew). */
    public Duration resyncOverlap() {
        return resyncOverlap;
    }

    /** REST polling period while the stream is down. */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** First pause before reconnecting the stream; doubles per failed attempt. */
    public Duration reconnectBackoff() {
        return reconnectBackoff;
    }

    /** Longest pause between stream reconnection attempts. */
    public Duration maxReconnectBackoff() {
        return maxReconnectBackoff;
    }

    /** Time for the stream to authenticate and confirm listening. */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    @Override
    public String toString() {
        return "AlpacaConfig[mode=" + mode + ", paper=" + (paper == null ? "none" : paper) + ", live="
                + (live == null ? "none" : live) + ", feed=" + feed + ", requestsPerMinute=" + requestsPerMinute
                + ", readTimeout=" + readTimeout + ", submitParallelism=" + submitParallelism + "]";
    }

    /** Collects settings; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private Credentials paper;
        private Credentials live;
        private TradingMode mode = DEFAULT_MODE;
        private DataFeed feed = DEFAULT_FEED;
        private OrbClock clock = OrbClock.system();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
        private int requestsPerMinute = DEFAULT_REQUESTS_PER_MINUTE;
        private Duration maxQueueWait = DEFAULT_MAX_QUEUE_WAIT;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration retryBackoff = DEFAULT_RETRY_BACKOFF;
        private int submitAttempts = DEFAULT_SUBMIT_ATTEMPTS;
        private int submitParallelism = DEFAULT_SUBMIT_PARALLELISM;
        private int symbolsPerBarsRequest = DEFAULT_SYMBOLS_PER_BARS_REQUEST;
        private Duration orderLookback = DEFAULT_ORDER_LOOKBACK;
        private Duration resyncOverlap = DEFAULT_RESYNC_OVERLAP;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration reconnectBackoff = DEFAULT_RECONNECT_BACKOFF;
        private Duration maxReconnectBackoff = DEFAULT_MAX_RECONNECT_BACKOFF;
        private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
        private Interceptor transport;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private int permitsPerCycle;
        private Duration budgetCycle;

        private Builder() {
        }

        /** Keys of the paper environment ({@code paper-api.alpaca.markets}). */
        public Builder paper(String keyId, String secretKey) {
            paper = new Credentials(keyId, secretKey);
            return this;
        }

        /** Keys of the live environment ({@code api.alpaca.markets}). */
        public Builder live(String keyId, String secretKey) {
            live = new Credentials(keyId, secretKey);
            return this;
        }

        /** The environment to start in (default PAPER); its keys must be configured. */
        public Builder mode(TradingMode mode) {
            this.mode = mode;
            return this;
        }

        /** Market-data feed (default IEX, the free one; see {@link DataFeed}). */
        public Builder feed(DataFeed feed) {
            this.feed = feed;
            return this;
        }

        /** The clock for rate-limit waits and resynchronisation windows (default the system clock). */
        public Builder clock(OrbClock clock) {
            this.clock = clock;
            return this;
        }

        /** TCP/TLS connect timeout (default 5 s). */
        public Builder connectTimeout(Duration d) {
            connectTimeout = d;
            return this;
        }

        /** Read timeout of one exchange; an order POST unanswered for this long has an unknown outcome. */
        public Builder readTimeout(Duration d) {
            readTimeout = d;
            return this;
        }

        /** Write timeout (default 10 s). */
        public Builder writeTimeout(Duration d) {
            writeTimeout = d;
            return this;
        }

        /** The account's REST budget per minute (default 200), shared by every call. */
        public Builder requestsPerMinute(int n) {
            requestsPerMinute = n;
            return this;
        }

        /** Longest wait for the budget before a request is refused unsent (default 2 minutes). */
        public Builder maxQueueWait(Duration d) {
            maxQueueWait = d;
            return this;
        }

        /** Retries of a GET/DELETE after a 5xx or no answer (default 3). */
        public Builder maxRetries(int n) {
            maxRetries = n;
            return this;
        }

        /** First pause between retries, doubling (default 250 ms). */
        public Builder retryBackoff(Duration d) {
            retryBackoff = d;
            return this;
        }

        /** POST attempts per order, each retry only after the client order id was looked up (default 3). */
        public Builder submitAttempts(int n) {
            submitAttempts = n;
            return this;
        }

        /** Orders {@link AlpacaBroker#submitAll} sends at once (default 10). */
        public Builder submitParallelism(int n) {
            submitParallelism = n;
            return this;
        }

        /** Symbols per multi-symbol bars request (default 100). */
        public Builder symbolsPerBarsRequest(int n) {
            symbolsPerBarsRequest = n;
            return this;
        }

        /** How far back order listings reach for resynchronisation (default 7 days). */
        public Builder orderLookback(Duration d) {
            orderLookback = d;
            return this;
        }

        /** How far before the last event a resynchronisation starts (default 30 s; covers clock skew). */
        public Builder resyncOverlap(Duration d) {
            resyncOverlap = d;
            return this;
        }

        /** REST polling period while the stream is down (default 5 s). */
        public Builder pollInterval(Duration d) {
            pollInterval = d;
            return this;
        }

        /** First pause before reconnecting the stream, doubling up to {@code max} (defaults 1 s and 30 s). */
        public Builder reconnectBackoff(Duration first, Duration max) {
            reconnectBackoff = first;
            maxReconnectBackoff = max;
            return this;
        }

        /** Time for the stream to authenticate and confirm listening (default 10 s). */
        public Builder handshakeTimeout(Duration d) {
            handshakeTimeout = d;
            return this;
        }

        /** Test seam: an innermost OkHttp interceptor (e.g. routing alpaca.markets to a mock server). */
        Builder transport(Interceptor interceptor) {
            transport = interceptor;
            return this;
        }

        /** Test seam: how the adapter waits between retries and for rate-limit resets. */
        Builder sleeper(Sleeper s) {
            sleeper = s;
            return this;
        }

        /** Test seam: a budget of {@code permits} per {@code cycle} instead of {@link #requestsPerMinute}. */
        Builder budget(int permits, Duration cycle) {
            permitsPerCycle = permits;
            budgetCycle = cycle;
            return this;
        }

        /**
         * The validated configuration.
         *
         * @throws InvalidValueException naming the first invalid setting
         */
        public AlpacaConfig build() {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(feed, "feed");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(sleeper, "sleeper");
            if ((mode == TradingMode.LIVE ? live : paper) == null) {
                throw new InvalidValueException("AlpacaConfig.mode: " + mode + " needs " + mode.name().toLowerCase(
                        java.util.Locale.ROOT) + " credentials");
            }
            positive(connectTimeout, "connectTimeout");
            positive(readTimeout, "readTimeout");
            positive(writeTimeout, "writeTimeout");
            positive(retryBackoff, "retryBackoff");
            positive(orderLookback, "orderLookback");
            positive(pollInterval, "pollInterval");
            positive(reconnectBackoff, "reconnectBackoff");
            positive(maxReconnectBackoff, "maxReconnectBackoff");
            positive(handshakeTimeout, "handshakeTimeout");
            Objects.requireNonNull(maxQueueWait, "maxQueueWait");
            Objects.requireNonNull(resyncOverlap, "resyncOverlap");
            if (maxQueueWait.isNegative()) {
                throw new InvalidValueException("AlpacaConfig.maxQueueWait: " + maxQueueWait + " must not be negative");
            }
            if (resyncOverlap.isNegative()) {
                throw new InvalidValueException("AlpacaConfig.resyncOverlap: " + resyncOverlap + " must not be negative");
            }
            range(requestsPerMinute, 5, 10_000, "requestsPerMinute");
            range(maxRetries, 0, 10, "maxRetries");
            range(submitAttempts, 1, 10, "submitAttempts");
            range(submitParallelism, 1, 64, "submitParallelism");
            range(symbolsPerBarsRequest, 1, 2_000, "symbolsPerBarsRequest");
            if (maxReconnectBackoff.compareTo(reconnectBackoff) < 0) {
                throw new InvalidValueException("AlpacaConfig.maxReconnectBackoff: " + maxReconnectBackoff
                        + " must not be shorter than reconnectBackoff " + reconnectBackoff);
            }
            return new AlpacaConfig(this);
        }

        private static void positive(Duration d, String field) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new InvalidValueException("AlpacaConfig." + field + ": " + d + " must be a positive duration");
            }
        }

        private static void range(int value, int min, int max, String field) {
            if (value < min || value > max) {
                throw new InvalidValueException("AlpacaConfig." + field + ": " + value + " must be in " + min + ".." + max);
            }
        }
    }
}
