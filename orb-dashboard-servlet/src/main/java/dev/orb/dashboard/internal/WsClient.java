package dev.orb.dashboard.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

/**
 * A WebSocket subscriber: messages queue here and go out one at a time through the session's asynchronous
 * remote (containers allow one outstanding send), the next one sent from the completion of the previous. Thread-
 * safe.
 */
final class WsClient extends LiveClient {
    private final Session session;
    private final LiveHub hub;
    private final ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile boolean closed;

    WsClient(Session session, LiveHub hub) {
        this.session = session;
        this.hub = hub;
    }

    @Override
    protected boolean offer(LiveEvent event) {
        return queue(event.wsText());
    }

    @Override
    protected boolean offerReset(String json, Instant at) {
        return queue("{\"id\":0,\"type\":\"reset\",\"data\":" + json + "}");
    }

    private boolean queue(String text) {
        if (closed || pending.incrementAndGet() > MAX_PENDING) {
            return false;
        }
        messages.add(text);
        return true;
    }

    @Override
    protected void flush() {
        while (!closed && !messages.isEmpty() && sending.compareAndSet(false, true)) {
            String next = messages.poll();
            if (next == null) {
                sending.set(false);
                continue;
            }
            pending.decrementAndGet();
            try {
                session.getAsyncRemote().sendText(next, result -> {
                    sending.set(false);
                    if (result.isOK()) {
                        flush();
                    } else {
                        close();
                    }
                });
            } catch (RuntimeException e) {
                sending.set(false);
                close();
            }
            return;
        }
    }

    @Override
    protected void close() {
        if (closed) {
            return;
        }
        closed = true;
        hub.remove(this);
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "stream closed"));
            }
        } catch (IOException | RuntimeException e) {
            // the peer is gone already
        }
    }

    void closedByPeer() {
        closed = true;
        hub.remove(this);
    }

    @Override
    protected boolean isClosed() {
        return closed;
    }
}
