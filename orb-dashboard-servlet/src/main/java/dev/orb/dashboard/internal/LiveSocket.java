package dev.orb.dashboard.internal;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The {@code /ws/live} endpoint: the same events as the SSE stream, as JSON text messages
 * {@code {"id":…,"type":…,"data":{…}}}. Read access follows the pages' rule (authenticated unless the dashboard
 * is public read-only), and a handshake from another origin is refused (cross-site WebSocket hijacking). Resume
 * with the query parameter {@code lastEventId}. One instance per connection.
 */
public final class LiveSocket extends Endpoint {
    static final String USER = "orb.user";
    static final String ORIGIN_OK = "orb.originOk";

    private final Supplier<LiveHub> hub;
    private final boolean publicReadOnly;
    private WsClient client;

    LiveSocket(Supplier<LiveHub> hub, boolean publicReadOnly) {
        this.hub = hub;
        this.publicReadOnly = publicReadOnly;
    }

    /** The endpoint's configuration at {@code path}, authenticating handshakes with {@code auth}. */
    public static ServerEndpointConfig config(String path, Supplier<LiveHub> hub, Auth auth, boolean publicReadOnly) {
        return ServerEndpointConfig.Builder.create(LiveSocket.class, path).configurator(
                new ServerEndpointConfig.Configurator() {
                    @Override
                    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request,
                                                HandshakeResponse response) {
                        String user = request.getUserPrincipal() != null ? request.getUserPrincipal().getName()
                                : auth.basicUser(first(request.getHeaders(), "Authorization"));
                        if (user != null) {
                            sec.getUserProperties().put(USER, user);
                        } else {
                            sec.getUserProperties().remove(USER);
                        }
                        sec.getUserProperties().put(ORIGIN_OK, sameOrigin(first(request.getHeaders(), "Origin"),
                                first(request.getHeaders(), "Host")));
                    }

                    @Override
                    public <T> T getEndpointInstance(Class<T> type) {
                        return type.cast(new LiveSocket(hub, publicReadOnly));
                    }
                }).build();
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        // the handshake's facts travel in the session's copy of the user properties
        Map<String, Object> props = session.getUserProperties();
        boolean originOk = Boolean.TRUE.equals(props.get(ORIGIN_OK));
        boolean allowed = publicReadOnly || props.get(USER) != null;
        if (!originOk || !allowed) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
                        !originOk ? "cross-origin connection refused" : "sign in to see the dashboard"));
            } catch (IOException e) {
                // gone already
            }
            return;
        }
        long last = -1;
        List<String> ids = session.getRequestParameterMap().get("lastEventId");
        if (ids != null && !ids.isEmpty()) {
            try {
                last = Math.max(0, Long.parseLong(ids.get(0)));
            } catch (NumberFormatException e) {
                last = -1;
            }
        }
        LiveHub h = hub.get();
        client = new WsClient(session, h);
        h.add(client, last);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        if (client != null) {
            client.closedByPeer();
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        if (client != null) {
            client.close();
        }
    }

    static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /** True without an Origin header (not a browser) or when the Origin's host and port are the Host header's. */
    static boolean sameOrigin(String origin, String host) {
        if (origin == null) {
            return true;
        }
        if (host == null) {
            return false;
        }
        try {
            URI u = URI.create(origin);
            String authority = u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
            String bareHost = host.endsWith(":80") || host.endsWith(":443") ? host.substring(0, host.lastIndexOf(':'))
                    : host;
            return authority != null && (authority.equalsIgnoreCase(host) || authority.equalsIgnoreCase(bareHost));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
