package dev.orb.dashboard;

import java.util.Objects;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;

import dev.orb.dashboard.internal.Auth;
import dev.orb.dashboard.internal.LiveSocket;

/**
 * Registers {@code /ws/live}, the WebSocket twin of the SSE stream, in a container that supports jakarta
 * WebSocket. The host calls it once at start-up with its {@link ServerContainer} (in Jetty from
 * {@code JakartaWebSocketServletContainerInitializer.configure}, in Tomcat and Spring Boot from the servlet
 * context attribute {@code jakarta.websocket.server.ServerContainer}). Messages are
 * {@code {"id":…,"type":…,"data":{…}}}; resume with {@code ?lastEventId=N}. The push loop of the
 * {@link DashboardServlet} feeds it, so the servlet must be mounted too.
 */
public final class DashboardWebSocket {
    /** The endpoint below the dashboard's prefix. */
    public static final String PATH = "/ws/live";

    private DashboardWebSocket() {
    }

    /**
     * Adds the endpoint at {@code prefix + "/ws/live"}, relative to the context path.
     *
     * @param prefix the servlet's mapping without {@code /*} ({@code "/dashboard"}), or {@code ""} for the root
     * @throws DeploymentException when the container refuses the endpoint
     */
    public static void register(ServerContainer container, DashboardConfig config, String prefix)
            throws DeploymentException {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.isEmpty() && (!prefix.startsWith("/") || prefix.endsWith("/"))) {
            throw new IllegalArgumentException("prefix: '" + prefix + "' must be empty or start, not end, with '/'");
        }
        LiveFeed feed = config.liveFeed();
        container.addEndpoint(LiveSocket.config(prefix + PATH, feed::hub,
                new Auth(config.basicUser().orElse(null), config.basicPassword()), config.publicReadOnly()));
    }
}
