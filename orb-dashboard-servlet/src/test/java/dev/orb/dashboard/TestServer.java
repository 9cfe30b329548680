package dev.orb.dashboard;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.EnumSet;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The dashboard servlet in an embedded Jetty 12 (ee10) on a random loopback port, under context {@code /app} at
 * a chosen mapping, with {@code /ws/live} registered.
 */
final class TestServer implements AutoCloseable {
    /** The header the {@link PrincipalFilter} trusts, standing in for a host's own security. */
    static final String TEST_USER_HEADER = "X-Test-User";
    /** The session cookie the {@link PrincipalFilter} trusts (a host's login session). */
    static final String SESSION_COOKIE = "test-session";
    private static final java.util.Map<String, String> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Server server;
    private final int port;
    private final String base;

    private TestServer(Server server, int port, String base) {
        this.server = server;
        this.port = port;
        this.base = base;
    }

    /**
     * Starts Jetty with the servlet at {@code mapping} ({@code /dash/*}, {@code /*} or {@code /}) in context
     * {@code /app}.
     *
     * @param principalFilter true to add a filter that authenticates {@value #TEST_USER_HEADER} as the container's
     *                        principal (the embedded case)
     */
    static TestServer start(DashboardConfig config, String mapping, boolean principalFilter) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/app");
        ServletHolder holder = new ServletHolder("orb-dashboard", new DashboardServlet(config));
        holder.setAsyncSupported(true);
        context.addServlet(holder, mapping);
        if (principalFilter) {
            FilterHolder f = new FilterHolder(new PrincipalFilter());
            f.setAsyncSupported(true);
            context.addFilter(f, "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        String prefix = mapping.endsWith("/*") ? mapping.substring(0, mapping.length() - 2) : "";
        JakartaWebSocketServletContainerInitializer.configure(context,
                (servletContext, container) -> DashboardWebSocket.register(container, config, prefix));
        server.setHandler(context);
        server.start();
        int port = connector.getLocalPort();
        return new TestServer(server, port, "http://127.0.0.1:" + port + "/app" + prefix + "/");
    }

    /** Logs {@code user} in: the value of a {@value #SESSION_COOKIE} cookie that authenticates as them. */
    static String login(String user) {
        String id = java.util.UUID.randomUUID().toString();
        SESSIONS.put(id, user);
        return id;
    }

    int port() {
        return port;
    }

    /** The dashboard's root URL, ending with '/'. */
    String base() {
        return base;
    }

    URI uri(String relative) {
        return URI.create(base + relative);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Trusts a header as the authenticated user: what a host's security layer does before the servlet. */
    static final class PrincipalFilter implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            String user = http.getHeader(TEST_USER_HEADER);
            if (user == null && http.getCookies() != null) {
                for (jakarta.servlet.http.Cookie c : http.getCookies()) {
                    if (SESSION_COOKIE.equals(c.getName())) {
                        user = SESSIONS.get(c.getValue());
                    }
                }
            }
            if (user == null) {
                chain.doFilter(request, response);
                return;
            }
            String name = user;
            Principal p = () -> name;
            chain.doFilter(new HttpServletRequestWrapper(http) {
                @Override
                public Principal getUserPrincipal() {
                    return p;
                }

                @Override
                public String getRemoteUser() {
                    return name;
                }
            }, response);
        }
    }
}
