package dev.orb.dashboard.internal;

/**
 * One subscriber of the live stream (an SSE response or a WebSocket session). The hub's dispatcher thread is the
 * only caller of {@link #offer} and {@link #flush}; sending is non-blocking, so one slow client never delays the
 * others: its frames queue up to a bound, past which it is closed and must resume with its last event id.
 */
public abstract class LiveClient {
    /** Frames a client may have waiting before it is dropped as too slow. */
    public static final int MAX_PENDING = 4096;

    /** The id of the last discrete event queued to this client; touched by the dispatcher thread only. */
    long lastId;

    /** Queues an event for sending; returns false when the client is closed or too far behind. */
    protected abstract boolean offer(LiveEvent event);

    /** Queues a control frame (a reset notice); returns false when the client is closed or too far behind. */
    protected abstract boolean offerReset(String json, java.time.Instant at);

    /** Sends what is queued as far as the connection accepts without blocking. */
    protected abstract void flush();

    /** Ends the connection; idempotent. */
    protected abstract void close();

    /** True once closed. */
    protected abstract boolean isClosed();
}
