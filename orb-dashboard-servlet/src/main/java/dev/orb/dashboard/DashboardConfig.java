package dev.orb.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.orb.dashboard.internal.Redactor;
import dev.orb.domain.InvalidValueException;
import dev.orb.ports.Broker;
import dev.orb.ports.LogStore;
import dev.orb.ports.MarketStore;
import dev.orb.ports.OrbClock;
import dev.orb.ports.TradingStore;
import dev.orb.ports.query.AuditQueries;
import dev.orb.ports.query.StorageMaintenance;

/**
 * Everything a {@link DashboardServlet} reads and may call, with the security and stream settings. Built once
 * with {@link #builder}; immutable; {@link #toString()} never shows the password or the secrets.
 *
 * <pre>{@code
 * LiveFeed feed = new LiveFeed(clock);                   // pass feed to the SessionRunner as its EngineListener
 * DashboardConfig config = DashboardConfig.builder(clock, broker, storage, storage)
 *         .liveFeed(feed)
 *         .controls(SessionControls.builder(runner, broker, clock).build())
 *         .basicAuth("operator", password)               // standalone; omit to use the container's principal
 *         .build();
 * }</pre>
 *
 * <p>{@code storage} above is a {@code JdbcStorage}, which is a {@link dev.orb.ports.Storage},
 * {@link AuditQueries} and {@link StorageMaintenance} at once; on the fakes use {@code InMemoryStorage} with
 * {@code InMemoryAuditQueries}.
 */
public final class DashboardConfig {
    /** Default period of the positions push. */
    public static final Duration DEFAULT_PUSH_INTERVAL = Duration.ofSeconds(1);
    /**
     * Default age after which the broker's positions and account are fetched again: 5 s keeps the dashboard at
     * 24 of Alpaca's 200 requests a minute, leaving the rest for orders.
     */
    public static final Duration DEFAULT_BROKER_REFRESH = Duration.ofSeconds(5);
    /** Default number of discrete live events kept for clients that resume with {@code Last-Event-ID}. */
    public static final int DEFAULT_EVENT_BUFFER = 2048;
    /** Default time an SSE response stays open before the browser reconnects (and resumes). */
    public static final Duration DEFAULT_STREAM_TIMEOUT = Duration.ofMinutes(10);
    /** Default actions (POSTs) per minute and user; also the burst. */
    public static final int DEFAULT_ACTIONS_PER_MINUTE = 30;
    /** Default age past which {@code /api/scanner/cleanup} deletes log lines. */
    public static final Duration DEFAULT_LOG_RETENTION = Duration.ofDays(30);
    /** Default age in days past which {@code /api/scanner/cleanup} deletes daily bars (ATR and RVOL need weeks). */
    public static final int DEFAULT_BAR_RETENTION_DAYS = 400;
    /**
     * Default time-to-live of the read API's micro-cache: an answer is served again for at most 250 ms, unless an
     * action, a broker refresh or a live event invalidated it first (see {@link Builder#responseCacheTtl}).
     */
    public static final Duration DEFAULT_RESPONSE_CACHE_TTL = Duration.ofMillis(250);

    private final OrbClock clock;
    private final Broker broker;
    private final AuditQueries audit;
    private final TradingStore trading;
    private final LogStore logs;
    private final MarketStore market;
    private final StorageMaintenance maintenance;
    private final DashboardControls controls;
    private final LiveFeed liveFeed;
    private final String basicUser;
    private final String basicPassword;
    private final boolean publicReadOnly;
    private final int actionsPerMinute;
    private final byte[] csrfKey;
    private final List<String> secrets;
    private final Duration pushInterval;
    private final Duration brokerRefresh;
    private final Duration streamTimeout;
    private final Duration logRetention;
    private final int barRetentionDays;
    private final Duration responseCacheTtl;
    private final String title;

    private DashboardConfig(Builder b) {
        this.clock = b.clock;
        this.broker = b.broker;
        this.audit = b.audit;
        this.trading = b.trading;
        this.logs = b.logs;
        this.market = b.market;
        this.maintenance = b.maintenance;
        this.controls = b.controls;
        this.liveFeed = b.liveFeed != null ? b.liveFeed : new LiveFeed(b.clock);
        this.basicUser = b.basicUser;
        this.basicPassword = b.basicPassword;
        this.publicReadOnly = b.publicReadOnly;
        this.actionsPerMinute = b.actionsPerMinute;
        this.csrfKey = b.csrfKey == null ? null : b.csrfKey.clone();
        List<String> all = new ArrayList<>(b.secrets);
        if (b.basicPassword != null) {
            all.add(b.basicPassword);
        }
        this.secrets = Collections.unmodifiableList(all);
        this.pushInterval = b.pushInterval;
        this.brokerRefresh = b.brokerRefresh;
        this.streamTimeout = b.streamTimeout;
        this.logRetention = b.logRetention;
        this.barRetentionDays = b.barRetentionDays;
        this.responseCacheTtl = b.responseCacheTtl;
        this.title = b.title;
        liveFeed.useRedactor(new Redactor(secrets));
    }

    /**
     * Starts a configuration with the ports every page needs.
     *
     * @param clock   the only source of time (stamps of pushed events, "today")
     * @param broker  account and positions for the live page (fetched at most every {@link #brokerRefresh()})
     * @param storage trades, signals and daily metrics; usually also the {@link LogStore}
     * @param audit   the read-side queries (trades pages, signal chains, logs, equity curve)
     */
    public static Builder builder(OrbClock clock, Broker broker, TradingStore storage, AuditQueries audit) {
        return new Builder(clock, broker, storage, audit);
    }

    public OrbClock clock() {
        return clock;
    }

    public Broker broker() {
        return broker;
    }

    public AuditQueries audit() {
        return audit;
    }

    public TradingStore trading() {
        return trading;
    }

    /** Where new log lines for the live tail are read from; empty when logs are not kept. */
    public Optional<LogStore> logs() {
        return Optional.ofNullable(logs);
    }

    /** For the clean-up of old daily bars; empty when not configured. */
    public Optional<MarketStore> market() {
        return Optional.ofNullable(market);
    }

    /** For the clean-up of old log lines; empty when not configured. */
    public Optional<StorageMaintenance> maintenance() {
        return Optional.ofNullable(maintenance);
    }

    /** The operator's controls; empty for a read-only dashboard (every action answers 503). */
    public Optional<DashboardControls> controls() {
        return Optional.ofNullable(controls);
    }

    /** The live events, shared with the session runner (its {@link dev.orb.core.session.EngineListener}). */
    public LiveFeed liveFeed() {
        return liveFeed;
    }

    /** The configured Basic user, empty when only the container's principal is accepted. */
    public Optional<String> basicUser() {
        return Optional.ofNullable(basicUser);
    }

    /** The configured Basic password; for the servlet's authenticator only. */
    String basicPassword() {
        return basicPassword;
    }

    /** Whether pages and GET requests are served to anonymous users (actions never are). */
    public boolean publicReadOnly() {
        return publicReadOnly;
    }

    public int actionsPerMinute() {
        return actionsPerMinute;
    }

    /** The CSRF MAC key, empty when each servlet instance draws its own at start. */
    Optional<byte[]> csrfKey() {
        return Optional.ofNullable(csrfKey == null ? null : csrfKey.clone());
    }

    /** Texts masked wherever outside text is shown, the Basic password included; for the servlet only. */
    List<String> secrets() {
        return secrets;
    }

    public Duration pushInterval() {
        return pushInterval;
    }

    public Duration brokerRefresh() {
        return brokerRefresh;
    }

    public Duration streamTimeout() {
        return streamTimeout;
    }

    public Duration logRetention() {
        return logRetention;
    }

    public int barRetentionDays() {
        return barRetentionDays;
    }

    /** How long an answer of the read API may be served again; zero when the micro-cache is off. */
    public Duration responseCacheTtl() {
        return responseCacheTtl;
    }

    /** The name in the pages' title and header. */
    public String title() {
        return title;
    }

    @Override
    public String toString() {
        return "DashboardConfig[auth=" + (basicUser != null ? "basic(" + basicUser + ")" : "container")
                + ", publicReadOnly=" + publicReadOnly + ", controls=" + (controls != null)
                + ", actionsPerMinute=" + actionsPerMinute + ", secrets=" + secrets.size() + " masked"
                + ", pushInterval=" + pushInterval + ", brokerRefresh=" + brokerRefresh
                + ", responseCacheTtl=" + responseCacheTtl + "]";
    }

    /** Builds a {@link DashboardConfig}; every setting has a documented default. Not thread-safe. */
    public static final class Builder {
        private final OrbClock clock;
        private final Broker broker;
        private final TradingStore trading;
        private final AuditQueries audit;
        private LogStore logs;
        private MarketStore market;
        private StorageMaintenance maintenance;
        private DashboardControls controls;
        private LiveFeed liveFeed;
        private String basicUser;
        private String basicPassword;
        private boolean publicReadOnly;
        private int actionsPerMinute = DEFAULT_ACTIONS_PER_MINUTE;
        private byte[] csrfKey;
        private final List<String> secrets = new ArrayList<>();
        private Duration pushInterval = DEFAULT_PUSH_INTERVAL;
        private Duration brokerRefresh = DEFAULT_BROKER_REFRESH;
        private Duration streamTimeout = DEFAULT_STREAM_TIMEOUT;
        private Duration logRetention = DEFAULT_LOG_RETENTION;
        private int barRetentionDays = DEFAULT_BAR_RETENTION_DAYS;
        private Duration responseCacheTtl = DEFAULT_RESPONSE_CACHE_TTL;
        private String title = "orb";

        private Builder(OrbClock clock, Broker broker, TradingStore trading, AuditQueries audit) {
            this.clock = Objects.requireNonNull(clock, "clock");
            this.broker = Objects.requireNonNull(broker, "broker");
            this.trading = Objects.requireNonNull(trading, "storage");
            this.audit = Objects.requireNonNull(audit, "audit");
        }

        /** Log lines for the live tail of {@code /logs} (default: none; the page still searches {@code audit}). */
        public Builder logStore(LogStore store) {
            this.logs = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Enables {@code /api/scanner/cleanup}: old log lines and daily bars are deleted through these. */
        public Builder maintenance(StorageMaintenance maintenance, MarketStore market) {
            this.maintenance = Objects.requireNonNull(maintenance, "maintenance");
            this.market = Objects.requireNonNull(market, "market");
            return this;
        }

        /** The operator's controls (default: none, a read-only dashboard). */
        public Builder controls(DashboardControls newControls) {
            this.controls = Objects.requireNonNull(newControls, "controls");
            return this;
        }

        /** The feed the session runner reports to (default: a feed of its own, without engine events). */
        public Builder liveFeed(LiveFeed feed) {
            this.liveFeed = Objects.requireNonNull(feed, "feed");
            return this;
        }

        /**
         * Accepts HTTP Basic with this credential (the standalone app). The container's principal is accepted
         * too. The password is masked wherever outside text is shown.
         */
        public Builder basicAuth(String user, String password) {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (user.isBlank() || user.indexOf(':') >= 0) {
                throw new InvalidValueException("basicAuth.user: must be non-blank without ':'");
            }
            if (password.length() < 8) {
                throw new InvalidValueException("basicAuth.password: at least 8 characters are required");
            }
            this.basicUser = user;
            this.basicPassword = password;
            return this;
        }

        /** Serves pages and GETs to anonymous users, for a trusted network (default false). */
        public Builder publicReadOnly(boolean value) {
            this.publicReadOnly = value;
            return this;
        }

        /** Actions per minute and user, ≥ 1 (default {@value #DEFAULT_ACTIONS_PER_MINUTE}). */
        public Builder actionsPerMinute(int value) {
            if (value < 1) {
                throw new InvalidValueException("actionsPerMinute: " + value + " must be ≥ 1");
            }
            this.actionsPerMinute = value;
            return this;
        }

        /** The CSRF MAC key (≥ 32 bytes), for several instances behind one name (default: random per start). */
        public Builder csrfKey(byte[] key) {
            if (key.length < 32) {
                throw new InvalidValueException("csrfKey: " + key.length + " bytes, at least 32 are needed");
            }
            this.csrfKey = key.clone();
            return this;
        }

        /** Texts (API keys, tokens) masked in every page, API answer and pushed event. */
        public Builder redact(String... texts) {
            for (String t : texts) {
                secrets.add(Objects.requireNonNull(t, "secret"));
            }
            return this;
        }

        /** Period of the positions push, 100 ms to 1 min (default 1 s). */
        public Builder pushInterval(Duration value) {
            this.pushInterval = between(value, Duration.ofMillis(100), Duration.ofMinutes(1), "pushInterval");
            return this;
        }

        /** How old the broker's positions and account may get, 100 ms to 10 min (default 5 s). */
        public Builder brokerRefresh(Duration value) {
            this.brokerRefresh = between(value, Duration.ofMillis(100), Duration.ofMinutes(10), "brokerRefresh");
            return this;
        }

        /** How long one SSE response stays open, 10 s to 1 h (default 10 min). */
        public Builder streamTimeout(Duration value) {
            this.streamTimeout = between(value, Duration.ofSeconds(10), Duration.ofHours(1), "streamTimeout");
            return this;
        }

        /** Age past which clean-up deletes log lines, ≥ 1 day (default 30 days). */
        public Builder logRetention(Duration value) {
            this.logRetention = between(value, Duration.ofDays(1), Duration.ofDays(36_500), "logRetention");
            return this;
        }

        /** Age in days past which clean-up deletes daily bars, ≥ 60 (default 400). */
        public Builder barRetentionDays(int days) {
            if (days < 60) {
                throw new InvalidValueException("barRetentionDays: " + days + " must be ≥ 60 (ATR and RVOL history)");
            }
            this.barRetentionDays = days;
            return this;
        }

        /**
         * How long an answer of the JSON read API ({@code /api/positions}, {@code /api/account},
         * {@code /api/system/state}, {@code /api/trades}, {@code /api/signals}, {@code /api/metrics},
         * {@code /api/equity}, {@code /api/pnl/intraday}, {@code /api/logs}, {@code /api/scanner/today} and
         * {@code /universe}) may be served again to the same user for the same path and query, 0 to 10 s; zero
         * turns the micro-cache off (default 250 ms). Every action, every broker refresh and every engine decision,
         * alert or log line of the live feed invalidates all kept answers at once, so the TTL only bounds how late
         * the API sees what changed by other paths (the host writing the stores directly). Answers carry
         * {@code X-Orb-Cache: hit} or {@code miss}. Pages, the stream, CSV and {@code /api/csrf} are never kept.
         */
        public Builder responseCacheTtl(Duration value) {
            this.responseCacheTtl = between(value, Duration.ZERO, Duration.ofSeconds(10), "responseCacheTtl");
            return this;
        }

        /** The name shown in titles and the header (default "orb"). */
        public Builder title(String value) {
            this.title = Objects.requireNonNull(value, "title");
            return this;
        }

        public DashboardConfig build() {
            return new DashboardConfig(this);
        }

        private static Duration between(Duration value, Duration min, Duration max, String name) {
            Objects.requireNonNull(value, name);
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new InvalidValueException(name + ": " + value + " must be between " + min + " and " + max);
            }
            return value;
        }
    }
}
