package dev.orb.dashboard;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Objects;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.orb.dashboard.internal.Auth;
import dev.orb.dashboard.internal.BrokerView;
import dev.orb.dashboard.internal.Csrf;
import dev.orb.dashboard.internal.Dashboard;
import dev.orb.dashboard.internal.IntradaySeries;
import dev.orb.dashboard.internal.RateLimiter;
import dev.orb.dashboard.internal.Redactor;
import dev.orb.dashboard.internal.ResponseCache;
import dev.orb.dashboard.internal.Views;

/**
 * The whole dashboard as one jakarta servlet: the pages {@code /}, {@code /signals}, {@code /history},
 * {@code /logs}, the JSON API under {@code /api/}, the live stream {@code /api/stream} (Server-Sent Events) and the
 * assets under {@code /assets/}, all relative to wherever it is mapped.
 *
 * <p>Mount it with a path mapping ({@code /dashboard/*}, or {@code /*}) or as the default servlet ({@code /}),
 * with async support enabled (the stream needs it), in any Servlet 6 container:
 * <pre>{@code
 * ServletHolder holder = new ServletHolder(new DashboardServlet(config));
 * holder.setAsyncSupported(true);
 * context.addServlet(holder, "/dashboard/*");
 * }</pre>
 * or without code through a {@code web.xml} entry and a {@link DashboardConfig} stored in the servlet context
 * under {@link #CONFIG_ATTRIBUTE} (the no-argument constructor). The host needs no framework. For
 * {@code /ws/live}, see {@link DashboardWebSocket}.
 *
 * <p>Thread-safe, as servlets must be. On {@link #init()} it starts one daemon thread that pushes positions every
 * {@link DashboardConfig#pushInterval()}; {@link #destroy()} stops it and closes the stream's clients.
 */
public class DashboardServlet extends HttpServlet {
    /** The servlet-context attribute holding the {@link DashboardConfig} for the no-argument constructor. */
    public static final String CONFIG_ATTRIBUTE = DashboardConfig.class.getName();
    private static final long serialVersionUID = 1L;

    private transient DashboardConfig config;
    private transient Dashboard dashboard;

    /** A servlet configured by the {@link #CONFIG_ATTRIBUTE} attribute of its context (for web.xml). */
    public DashboardServlet() {
    }

    /** A servlet with this configuration (for programmatic registration). */
    public DashboardServlet(DashboardConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public void init() throws ServletException {
        if (config == null) {
            Object attr = getServletContext().getAttribute(CONFIG_ATTRIBUTE);
            if (!(attr instanceof DashboardConfig c)) {
                throw new ServletException("DashboardServlet: no DashboardConfig in the servlet context attribute "
                        + CONFIG_ATTRIBUTE);
            }
            config = c;
        }
        dashboard = create(config);
        dashboard.start(config.pushInterval(), config.brokerRefresh());
    }

    static Dashboard create(DashboardConfig c) {
        Redactor redactor = new Redactor(c.secrets());
        byte[] key = c.csrfKey().orElseGet(() -> {
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            return k;
        });
        LiveFeed feed = c.liveFeed();
        return new Dashboard(new Dashboard.Settings(c.title(), c.clock(), c.broker(), c.audit(), c.trading(),
                c.logs().orElse(null), c.market().orElse(null), c.maintenance().orElse(null),
                c.controls().orElse(null), feed, feed.bus(), feed::hub, new BrokerView(c.broker(), c.clock()),
                new IntradaySeries(), new Views(redactor), new Auth(c.basicUser().orElse(null), c.basicPassword()),
                new Csrf(key), new RateLimiter(c.actionsPerMinute(), c.clock()::monotonicNanos),
                new ResponseCache(c.responseCacheTtl(), c.clock()::monotonicNanos, feed.bus()), c.publicReadOnly(),
                c.streamTimeout(), c.logRetention(), c.barRetentionDays()));
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Dashboard d = dashboard;
        if (d == null) {
            resp.sendError(503, "the dashboard is not initialised");
            return;
        }
        d.handle(req, resp);
    }

    @Override
    public void destroy() {
        if (dashboard != null) {
            dashboard.stop();
        }
        if (config != null) {
            config.liveFeed().closeClients();
        }
    }

    /** The configuration in use (null before {@link #init()} for the no-argument constructor). */
    public DashboardConfig config() {
        return config;
    }
}
