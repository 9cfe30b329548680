package dev.orb.adapter.polygon;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.orb.domain.InvalidValueException;
import dev.orb.ports.OrbClock;

/**
 * Settings of {@link PolygonMarketData}: key, host, the plan's rate limit, retries, timeouts and the time source.
 * Immutable; {@link #builder(String)} starts from the documented defaults and {@link Builder#build()} reports every
 * invalid setting at once. {@link #toString()} never shows the key.
 */
public final class PolygonConfig {
    /** Polygon's REST host. */
    public static final String DEFAULT_BASE_URL = "https://api.polygon.io";
    /** The same API under the Massive name. */
    public static final String MASSIVE_BASE_URL = "https://api.massive.com";
    /** Requests allowed per {@link #DEFAULT_RATE_PERIOD} on the free plan. */
    public static final int FREE_TIER_REQUESTS_PER_MINUTE = 5;
    /** The window of the rate limit. */
    public static final Duration DEFAULT_RATE_PERIOD = Duration.ofMinutes(1);
    /** Attempts per request, the first included. */
    public static final int DEFAULT_MAX_ATTEMPTS = 6;
    /** Wait before the first retry when the server gave no {@code Retry-After}. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(2);
    /** Growth of the wait from one retry to the next. */
    public static final double DEFAULT_BACKOFF_MULTIPLIER = 2.0;
    /** Random spread of each wait: 0.5 draws it from [50%, 150%] of the nominal wait. */
    public static final double DEFAULT_JITTER = 0.5;
    /** Longest wait between two attempts, jitter included. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(60);
    /** Longest {@code Retry-After} honoured; a longer one is shortened to this. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofMinutes(5);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Longest silence while reading a response; the grouped daily body is a few megabytes. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** Longest time for one attempt, connection to last byte. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(90);
    /** How long the list of common stocks is reused before it is fetched again. */
    public static final Duration DEFAULT_REFERENCE_TTL = Duration.ofHours(12);

    private final String apiKey;
    private final String baseUrl;
    private final int requestsPerPeriod;
    private final Duration ratePeriod;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final double backoffMultiplier;
    private final double jitter;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final boolean commonStocksOnly;
    private final Duration referenceTtl;
    private final OrbClock clock;
    private final Sleeper sleeper;

    private PolygonConfig(Builder b) {
        apiKey = b.apiKey;
        baseUrl = b.baseUrl;
        requestsPerPeriod = b.requestsPerPeriod;
        ratePeriod = b.ratePeriod;
        maxAttempts = b.maxAttempts;
        initialBackoff = b.initialBackoff;
        backoffMultiplier = b.backoffMultiplier;
        jitter = b.jitter;
        maxBackoff = b.maxBackoff;
        maxRetryAfter = b.maxRetryAfter;
        connectTimeout = b.connectTimeout;
        readTimeout = b.readTimeout;
        callTimeout = b.callTimeout;
        commonStocksOnly = b.commonStocksOnly;
        referenceTtl = b.referenceTtl;
        clock = b.clock;
        sleeper = b.sleeper;
    }

    /** A builder with the defaults of the free plan on {@link #DEFAULT_BASE_URL}. */
    public static Builder builder(String apiKey) {
        return new Builder(apiKey);
    }

    /** The API key, sent only as {@code Authorization: Bearer}. Do not log it. */
    public String apiKey() {
        return apiKey;
    }

    /** Scheme and host (and optional port) requests go to, without trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Requests allowed per {@link #ratePeriod()}, retries included (5 on the free plan). */
    public int requestsPerPeriod() {
        return requestsPerPeriod;
    }

    /** The window of the rate limit (one minute). */
    public Duration ratePeriod() {
        return ratePeriod;
    }

    /** Attempts per request, the first included (6); 1 disables retries. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Nominal wait before the first retry (2 s); then multiplied by {@link #backoffMultiplier()}. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** Growth of the nominal wait per retry (2.0). */
    public double backoffMultiplier() {
        return backoffMultiplier;
    }

    /** Random spread of each wait as a fraction of the nominal wait, in [0, 1) (0.5). */
    public double jitter() {
        return jitter;
    }

    /** Cap of a backoff wait (60 s). */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** Cap of an honoured {@code Retry-After} (5 min). */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public Duration callTimeout() {
        return callTimeout;
    }

    /**
     * Whether {@link PolygonMarketData#dailyBarsOfMarket} keeps only common stocks (type CS in Polygon's reference
     * data), as strategy.md §2 asks (true). Costs one paged reference request per {@link #referenceTtl()}.
     */
    public boolean commonStocksOnly() {
        return commonStocksOnly;
    }

    /** How long the list of common stocks is reused (12 h), measured on {@link #clock()}. */
    public Duration referenceTtl() {
        return referenceTtl;
    }

    /**
     * The time source ({@link OrbClock#system()}). With the system clock the rate limit is resilience4j's
     * {@code AtomicRateLimiter}; any other clock drives an equivalent fixed-window limiter on that clock's
     * {@link OrbClock#monotonicNanos()}, because resilience4j's limiter reads the machine's clock itself.
     */
    public OrbClock clock() {
        return clock;
    }

    /** How the adapter waits ({@link Sleeper#SYSTEM}); a simulated sleeper must advance {@link #clock()}. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** Every setting except the key, which shows as {@code ****}. */
    @Override
    public String toString() {
        return "PolygonConfig{apiKey=****, baseUrl=" + baseUrl + ", rate=" + requestsPerPeriod + "/" + ratePeriod
                + ", maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", backoffMultiplier=" + backoffMultiplier + ", jitter=" + jitter + ", maxBackoff=" + maxBackoff
                + ", maxRetryAfter=" + maxRetryAfter + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", callTimeout=" + callTimeout
                + ", commonStocksOnly=" + commonStocksOnly + ", referenceTtl=" + referenceTtl
                + ", clock=" + clock + "}";
    }

    /** Mutable builder; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private final String apiKey;
        private String baseUrl = DEFAULT_BASE_URL;
        private int requestsPerPeriod = FREE_TIER_REQUESTS_PER_MINUTE;
        private Duration ratePeriod = DEFAULT_RATE_PERIOD;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private double backoffMultiplier = DEFAULT_BACKOFF_MULTIPLIER;
        private double jitter = DEFAULT_JITTER;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private boolean commonStocksOnly = true;
        private Duration referenceTtl = DEFAULT_REFERENCE_TTL;
        private OrbClock clock = OrbClock.system();
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder(String apiKey) {
            this.apiKey = apiKey;
        }

        /** Scheme, host and optional port, e.g. {@link #MASSIVE_BASE_URL}; a trailing slash is dropped. */
        public Builder baseUrl(String v) {
            baseUrl = v == null ? null : v.replaceAll("/+$", "");
            return this;
        }

        /** The plan's limit: {@code requests} per {@code period} (paid plans: set it to what the plan allows). */
        public Builder rateLimit(int requests, Duration period) {
            requestsPerPeriod = requests;
            ratePeriod = period;
            return this;
        }

        public Builder maxAttempts(int v) {
            maxAttempts = v;
            return this;
        }

        /** Exponential backoff: first nominal wait, growth per retry, cap. */
        public Builder backoff(Duration initial, double multiplier, Duration max) {
            initialBackoff = initial;
            backoffMultiplier = multiplier;
            maxBackoff = max;
            return this;
        }

        public Builder jitter(double v) {
            jitter = v;
            return this;
        }

        public Builder maxRetryAfter(Duration v) {
            maxRetryAfter = v;
            return this;
        }

        /** Connect, read (between two bytes) and whole-call timeouts of one attempt. */
        public Builder timeouts(Duration connect, Duration read, Duration call) {
            connectTimeout = connect;
            readTimeout = read;
            callTimeout = call;
            return this;
        }

        public Builder commonStocksOnly(boolean v) {
            commonStocksOnly = v;
            return this;
        }

        public Builder referenceTtl(Duration v) {
            referenceTtl = v;
            return this;
        }

        /** Time source and waiting together: the sleeper must advance the clock (or really sleep). */
        public Builder time(OrbClock clock, Sleeper sleeper) {
            this.clock = clock;
            this.sleeper = sleeper;
            return this;
        }

        /**
         * Validates every setting.
         *
         * @throws InvalidValueException naming each invalid setting and its value (never the key's value)
         */
        public PolygonConfig build() {
            List<String> problems = new ArrayList<>();
            if (apiKey == null || apiKey.isBlank()) {
                problems.add("apiKey: must not be blank");
            } else if (apiKey.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
                problems.add("apiKey: must be printable ASCII without spaces");
            }
            checkBaseUrl(problems);
            if (requestsPerPeriod < 1) {
                problems.add("rateLimit.requests: " + requestsPerPeriod + " must be at least 1");
            }
            positive(problems, "rateLimit.period", ratePeriod);
            if (maxAttempts < 1 || maxAttempts > 20) {
                problems.add("maxAttempts: " + maxAttempts + " must be in 1..20");
            }
            positive(problems, "backoff.initial", initialBackoff);
            if (!(backoffMultiplier >= 1.0 && backoffMultiplier <= 10.0)) {
                problems.add("backoff.multiplier: " + backoffMultiplier + " must be in [1, 10]");
            }
            positive(problems, "backoff.max", maxBackoff);
            if (!(jitter >= 0.0 && jitter < 1.0)) {
                problems.add("jitter: " + jitter + " must be in [0, 1)");
            }
            positive(problems, "maxRetryAfter", maxRetryAfter);
            positive(problems, "timeouts.connect", connectTimeout);
            positive(problems, "timeouts.read", readTimeout);
            positive(problems, "timeouts.call", callTimeout);
            positive(problems, "referenceTtl", referenceTtl);
            if (clock == null) {
                problems.add("time.clock: must not be null");
            }
            if (sleeper == null) {
                problems.add("time.sleeper: must not be null");
            }
            if (!problems.isEmpty()) {
                throw new InvalidValueException("PolygonConfig: " + String.join("; ", problems));
            }
            return new PolygonConfig(this);
        }

        private void checkBaseUrl(List<String> problems) {
            if (baseUrl == null) {
                problems.add("baseUrl: must not be null");
                return;
            }
            try {
                URI uri = new URI(baseUrl);
                String scheme = Objects.requireNonNullElse(uri.getScheme(), "");
                if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                        || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null) {
                    problems.add("baseUrl: '" + baseUrl + "' must be http(s)://host[:port] without path or query");
                }
            } catch (URISyntaxException e) {
                problems.add("baseUrl: '" + baseUrl + "' is not a URL");
            }
        }

        private static void positive(List<String> problems, String key, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                problems.add(key + ": " + value + " must be a positive duration");
            }
        }
    }
}
