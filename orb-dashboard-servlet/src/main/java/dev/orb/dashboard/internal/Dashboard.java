package dev.orb.dashboard.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;

import dev.orb.dashboard.DashboardControls;
import dev.orb.dashboard.LiveFeed;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.TradingMode;
import dev.orb.ports.Broker;
import dev.orb.ports.LogStore;
import dev.orb.ports.MarketStore;
import dev.orb.ports.OrbClock;
import dev.orb.ports.TradingStore;
import dev.orb.ports.query.AuditQueries;
import dev.orb.ports.query.StorageMaintenance;

/**
 * The dashboard behind the servlet: works out where it is mounted, applies the security headers and the access
 * rules, and routes to the pages, the API, the stream and the assets. Thread-safe: all state is immutable or
 * thread-safe.
 */
public final class Dashboard {
    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);

    /** The Content-Security-Policy of every answer: scripts and styles only from this jar, no inline script. */
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final Settings s;
    private final Api api;
    private final Pages pages;
    private final Assets assets;
    private java.util.concurrent.ScheduledExecutorService pump;

    public Dashboard(Settings settings) {
        this.s = Objects.requireNonNull(settings, "settings");
        this.api = new Api(this);
        this.pages = new Pages(this, api);
        this.assets = Assets.load();
    }

    /**
     * Everything the dashboard reads and calls, assembled by the servlet from its configuration.
     *
     * @param controls    the operator's controls, or null for a read-only dashboard
     * @param logs        the log store for the live tail, or null
     * @param market      for the clean-up of daily bars, or null
     * @param maintenance for the clean-up of log lines, or null
     * @param cache       the micro-cache of the read API (disabled with a zero TTL)
     */
    public record Settings(String title, OrbClock clock, Broker broker, AuditQueries audit, TradingStore trading,
                           LogStore logs, MarketStore market, StorageMaintenance maintenance,
                           DashboardControls controls, LiveFeed feed, EventBus bus, Supplier<LiveHub> hub,
                           BrokerView brokerView, IntradaySeries intraday, Views views, Auth auth, Csrf csrf,
                           RateLimiter limiter, ResponseCache cache, boolean publicReadOnly,
                           Duration streamTimeout, Duration logRetention, int barRetentionDays) {
    }

    Settings settings() {
        return s;
    }

    String title() {
        return s.title();
    }

    OrbClock clock() {
        return s.clock();
    }

    Views views() {
        return s.views();
    }

    /** Today in New York, by the clock port. */
    LocalDate today() {
        return s.clock().nowInNewYork().toLocalDate();
    }

    TradingMode tradingMode() {
        return s.controls() != null ? s.controls().tradingMode() : s.broker().mode();
    }

    KillSwitchState killSwitch() {
        if (s.controls() != null) {
            return s.controls().killSwitch();
        }
        List<KillSwitchState> last = s.audit().killSwitchHistory(1);
        return last.isEmpty() ? KillSwitchState.initial() : last.get(0);
    }

    /**
     * Starts the push loop on one daemon thread: every {@code interval} it publishes the positions snapshot; every
     * {@code refreshEvery} ticks it fetches the broker's positions and account first (and adds a P&amp;L sample);
     * every tick it publishes the log lines stored since the last one.
     */
    public synchronized void start(Duration interval, Duration brokerRefresh) {
        if (pump != null) {
            return;
        }
        long refreshEvery = Math.max(1, brokerRefresh.toMillis() / interval.toMillis());
        LogTail tail = s.logs() == null ? null : new LogTail(s.logs(), 200);
        long[] ticks = {0};
        pump = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "orb-dashboard-tick");
            t.setDaemon(true);
            return t;
        });
        pump.scheduleAtFixedRate(() -> {
            try {
                tick(ticks[0]++ % refreshEvery == 0, tail);
            } catch (RuntimeException e) {
                // the loop must survive a failing store or broker; the next tick tries again
                log.warn("dashboard push failed: {}", e.toString());
            }
        }, 0, interval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void tick(boolean refresh, LogTail tail) {
        BrokerView.Snapshot snap = refresh ? s.brokerView().refresh() : s.brokerView().current();
        if (refresh && snap.account() != null && snap.error() == null) {
            java.math.BigDecimal dayPnl = snap.account().equity().subtract(snap.account().lastEquity());
            s.intraday().add(snap.asOf(), dayPnl);
            s.bus().snapshot("pnl", s.clock().now(), Json.write(o -> o.startObject().time("at", snap.asOf())
                    .money("dayPnl", dayPnl).endObject()));
        }
        if (refresh) {
            // new positions, account and P&L sample: the kept answers showing the old ones go
            s.cache().invalidate();
        }
        s.bus().snapshot("positions", s.clock().now(), Json.write(o -> api.livePush(o, snap)));
        if (tail != null) {
            for (dev.orb.domain.LogRecord r : tail.poll()) {
                s.feed().publishLog(r);
            }
        }
    }

    /** Stops the push loop. */
    public synchronized void stop() {
        if (pump != null) {
            pump.shutdownNow();
            pump = null;
        }
    }

    /** Serves one request. */
    public void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] where = locate(req);
        String base = where[0];
        String path = where[1];
        securityHeaders(resp);
        if (path.isEmpty()) {
            resp.setStatus(301);
            resp.setHeader("Location", base);
            return;
        }
        if (path.startsWith("/assets/") && ("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod()))) {
            assets.serve(path.substring("/assets/".length()), req, resp);
            return;
        }
        resp.setHeader("Cache-Control", "no-store");
        Exchange x = new Exchange(req, resp, base, path, s.auth().user(req));
        boolean isApi = path.startsWith("/api/");
        try {
            route(x, isApi);
        } catch (ApiError e) {
            fail(x, isApi, e);
        } catch (RuntimeException e) {
            // the detail goes to the log, never to the page: it may hold internals
            log.error("dashboard request {} {} failed", req.getMethod(), path, e);
            fail(x, isApi, new ApiError(500, "internal", "the request failed; the server log has the details"));
        }
    }

    private void route(Exchange x, boolean isApi) throws IOException {
        String method = x.request().getMethod();
        if ("POST".equals(method)) {
            if (!isApi) {
                throw new ApiError(405, "method_not_allowed", "POST is only accepted by /api/ actions");
            }
            authorizeAction(x);
            try {
                api.action(x);
            } finally {
                // Api.action invalidates before answering; this covers an action that failed half-way (its error
                // answer is written after this)
                s.cache().invalidate();
            }
            return;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            x.response().setHeader("Allow", "GET, HEAD, POST");
            throw new ApiError(405, "method_not_allowed", method + " is not supported");
        }
        if (x.path().equals("/login")) {
            if (x.user() == null) {
                unauthorized(x, "sign in to use the controls");
            }
            x.redirect("");
            return;
        }
        if (!s.publicReadOnly() && x.user() == null) {
            unauthorized(x, "sign in to see the dashboard");
        }
        // pages embed the token in their forms; of the API, only /api/csrf hands it out
        if (x.user() != null && (!isApi || x.path().equals("/api/csrf"))) {
            x.csrfToken(s.csrf().tokenFor(x.user(), x.request(), x.response(), x.base()));
        }
        if (isApi) {
            read(x);
        } else {
            pages.render(x);
        }
    }

    /** A read of the API, through the micro-cache when the endpoint's answers may be kept. */
    private void read(Exchange x) throws IOException {
        ResponseCache cache = s.cache();
        if (!cache.cacheable(x.path())) {
            api.read(x);
            return;
        }
        String key = ResponseCache.key(x.user(), x.path(), x.request().getQueryString());
        byte[] kept = cache.get(key);
        if (kept != null) {
            x.response().setHeader(ResponseCache.HEADER, "hit");
            x.json(200, kept);
            return;
        }
        long stamp = cache.stamp();
        x.response().setHeader(ResponseCache.HEADER, "miss");
        x.capture();
        api.read(x);
        byte[] body = x.captured();
        if (body != null) {
            cache.put(key, stamp, body);
        }
    }

    /** Every action: an authenticated user, a valid CSRF token, within the rate limit. */
    private void authorizeAction(Exchange x) {
        if (x.user() == null) {
            unauthorized(x, "actions need an authenticated user");
        }
        String token = x.request().getHeader(Csrf.HEADER);
        if (token == null) {
            token = x.param(Csrf.FIELD);
        }
        if (!s.csrf().verify(x.user(), x.request(), token)) {
            throw new ApiError(403, "csrf", "the CSRF token is missing or invalid; reload the page and try again");
        }
        long wait = s.limiter().acquire(x.user());
        if (wait > 0) {
            x.response().setHeader("Retry-After", Long.toString(wait));
            throw new ApiError(429, "rate_limited", "too many actions; try again in " + wait + " s");
        }
    }

    private void unauthorized(Exchange x, String message) {
        s.auth().challenge(x.response());
        throw new ApiError(401, "unauthorized", message);
    }

    private void fail(Exchange x, boolean isApi, ApiError e) throws IOException {
        if (x.response().isCommitted()) {
            return;
        }
        x.response().resetBuffer();
        if (isApi && !x.isFormPost()) {
            x.json(e.status(), o -> error(o, e));
        } else {
            x.html(e.status(), Layout.error(this, x, e.status(), e.getMessage()));
        }
    }

    /** The one error shape of the API. */
    static void error(JsonOut o, ApiError e) {
        o.startObject().startObject("error")
                .string("code", e.code())
                .string("message", e.getMessage())
                .number("status", e.status())
                .endObject().endObject();
    }

    static void securityHeaders(HttpServletResponse resp) {
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Referrer-Policy", "same-origin");
        resp.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    }

    /**
     * The dashboard's base path (ending with '/') and the path below it, for whichever mapping the host chose:
     * {@code /prefix/*}, {@code /*} or the default servlet {@code /}. An empty path means "the base without its
     * slash" (redirected).
     */
    static String[] locate(HttpServletRequest req) {
        String ctx = req.getContextPath() == null ? "" : req.getContextPath();
        String servletPath = req.getServletPath() == null ? "" : req.getServletPath();
        String info = req.getPathInfo();
        HttpServletMapping m = req.getHttpServletMapping();
        MappingMatch match = m == null ? null : m.getMappingMatch();
        if (match == MappingMatch.DEFAULT) {
            return new String[] {ctx + "/", servletPath + (info == null ? "" : info)};
        }
        if (match == MappingMatch.CONTEXT_ROOT) {
            return new String[] {ctx + "/", "/"};
        }
        String base = ctx + servletPath + "/";
        return new String[] {base, info == null ? "" : info};
    }

    /** Fixed messages for the {@code done} parameter of a page after a form action. */
    static final Map<String, String> DONE = Map.of(
            "kill-switch", "Kill switch updated.",
            "flatten", "Flatten all requested: kill switch on, orders cancelled, positions closing.",
            "force-close", "Force-close requested.",
            "mode", "Trading mode updated.",
            "scan", "Scan run requested.",
            "sync", "Market-data sync requested.",
            "cleanup", "Clean-up done.");
}
