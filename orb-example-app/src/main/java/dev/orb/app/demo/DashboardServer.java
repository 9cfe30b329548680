package dev.orb.app.demo;

import java.util.Objects;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServlet;

import dev.orb.dashboard.DashboardConfig;
import dev.orb.dashboard.DashboardServlet;
import dev.orb.dashboard.DashboardWebSocket;
import dev.orb.domain.OrbException;

/**
 * The dashboard servlet at the root of an embedded Jetty 12 (ee10), with async support for the stream and the
 * {@code /ws/live} WebSocket. Thread-safe; {@link #close()} is idempotent.
 */
public final class DashboardServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

    private final Server server;
    private final int port;

    private DashboardServer(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts the server.
     *
     * @param host interface to bind ({@code 127.0.0.1} for this machine only, {@code 0.0.0.0} for every one)
     * @param port port, 0 for any free one
     * @throws OrbException if it cannot start (the port is taken)
     */
    public static DashboardServer start(DashboardConfig config, String host, int port) {
        return start(config, host, port, null);
    }

    /**
     * Starts the server with an operations servlet mapped to {@code /health} and {@code /metrics} (exact paths,
     * which take precedence over the dashboard's {@code /*}).
     *
     * @param ops the operations servlet, or null for none
     * @throws OrbException if it cannot start (the port is taken)
     */
    public static DashboardServer start(DashboardConfig config, String host, int port, HttpServlet ops) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(host, "host");
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder holder = new ServletHolder("orb-dashboard", new DashboardServlet(config));
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/*");
        if (ops != null) {
            ServletHolder opsHolder = new ServletHolder("orb-ops", ops);
            context.addServlet(opsHolder, "/health");
            context.addServlet(opsHolder, "/metrics");
        }
        JakartaWebSocketServletContainerInitializer.configure(context,
                (servletContext, container) -> DashboardWebSocket.register(container, config, ""));
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new OrbException("dashboard: cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new DashboardServer(server, connector.getLocalPort());
    }

    /** The bound port. */
    public int port() {
        return port;
    }

    /** Stops the server; an error while stopping is logged (the process is going away). */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("dashboard: stopping Jetty failed: {}", e.toString());
        }
    }
}
