package dev.orb.dashboard.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A Server-Sent Events response held open with the servlet's async API and written with non-blocking I/O: frames
 * queue here and go out whenever the connection can take them ({@link WriteListener}), so no thread ever waits
 * for a slow client. Thread-safe: the dispatcher and the container's write callbacks meet under this object's
 * lock.
 */
public final class SseClient extends LiveClient implements WriteListener, AsyncListener {
    private static final byte[] RETRY = "retry: 3000\n\n".getBytes(StandardCharsets.UTF_8);

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final LiveHub hub;
    private final ConcurrentLinkedQueue<byte[]> frames = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean closed;

    private SseClient(AsyncContext async, ServletOutputStream out, LiveHub hub) {
        this.async = async;
        this.out = out;
        this.hub = hub;
    }

    /**
     * Turns the request into a stream: sets the SSE headers, goes async and registers with the hub.
     *
     * @param lastEventId the id to resume after, or -1 for a fresh client
     * @param timeout     how long the response stays open before the browser reconnects (and resumes)
     */
    public static void open(HttpServletRequest request, HttpServletResponse response, LiveHub hub, long lastEventId,
                            Duration timeout) throws IOException {
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        // proxies such as nginx would otherwise buffer the stream
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync();
        async.setTimeout(timeout.toMillis());
        SseClient client = new SseClient(async, response.getOutputStream(), hub);
        async.addListener(client);
        client.frames.add(RETRY);
        client.pending.incrementAndGet();
        client.out.setWriteListener(client);
        hub.add(client, lastEventId);
    }

    @Override
    protected boolean offer(LiveEvent event) {
        return queue(event.sseFrame());
    }

    @Override
    protected boolean offerReset(String json, Instant at) {
        return queue(("event: reset\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    private boolean queue(byte[] frame) {
        if (closed || pending.incrementAndGet() > MAX_PENDING) {
            return false;
        }
        frames.add(frame);
        return true;
    }

    @Override
    protected synchronized void flush() {
        if (closed) {
            return;
        }
        try {
            boolean wrote = false;
            while (out.isReady()) {
                byte[] f = frames.poll();
                if (f == null) {
                    if (!wrote) {
                        return;
                    }
                    out.flush();
                    wrote = false;
                    continue;
                }
                pending.decrementAndGet();
                out.write(f);
                wrote = true;
            }
            // not ready: the container calls onWritePossible when the connection drains
        } catch (IOException | IllegalStateException e) {
            close();
        }
    }

    @Override
    public void onWritePossible() {
        flush();
    }

    @Override
    public void onError(Throwable t) {
        close();
    }

    @Override
    protected void close() {
        if (closed) {
            return;
        }
        closed = true;
        hub.remove(this);
        try {
            async.complete();
        } catch (IllegalStateException e) {
            // already completed by the container (timeout, client gone)
        }
    }

    @Override
    protected boolean isClosed() {
        return closed;
    }

    @Override
    public void onComplete(AsyncEvent event) {
        closed = true;
        hub.remove(this);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close();
    }

    @Override
    public void onError(AsyncEvent event) {
        close();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
