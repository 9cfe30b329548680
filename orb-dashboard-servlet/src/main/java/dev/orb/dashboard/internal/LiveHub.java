package dev.orb.dashboard.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans the {@link EventBus} out to every connected {@link LiveClient}, on one dispatcher thread: registration
 * (with its replay) and delivery run on that thread in publication order, so a resuming client receives each
 * event exactly once, in order. Thread-safe; the dispatcher starts with the first client and stops on
 * {@link #close}.
 */
public final class LiveHub implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
    /** Tasks waiting for the dispatcher past which new snapshots are dropped (discrete events never are). */
    static final int MAX_BACKLOG = 100_000;

    private final EventBus bus;
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final Set<LiveClient> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong droppedSnapshots = new AtomicLong();
    private final java.util.function.Consumer<LiveEvent> subscription = this::enqueue;
    private Thread dispatcher;
    private volatile boolean closed;

    public LiveHub(EventBus bus) {
        this.bus = bus;
        bus.subscribe(subscription);
    }

    /**
     * Connects a client: replays the buffered events after {@code lastEventId} (or notes a gap with a reset frame
     * when some are gone), then delivers every new event.
     *
     * @param lastEventId the client's {@code Last-Event-ID}, or -1 for a new client (every event published after
     *                    this call, none before)
     */
    public void add(LiveClient client, long lastEventId) {
        start();
        // a new client starts at the events published from now on, even those the dispatcher has not reached yet
        long after = lastEventId < 0 ? bus.lastId() : lastEventId;
        tasks.add(() -> {
            EventBus.Replay replay = bus.since(after);
            if (lastEventId >= 0 && replay.gap()) {
                client.offerReset("{\"reason\":\"events after " + lastEventId + " are no longer buffered\"}",
                        Instant.EPOCH);
            }
            for (LiveEvent e : replay.events()) {
                client.offer(e);
            }
            client.lastId = replay.lastId();
            clients.add(client);
            client.flush();
        });
    }

    /** Disconnects a client (it closed, failed or timed out). */
    public void remove(LiveClient client) {
        clients.remove(client);
    }

    /** Clients connected now. */
    public int size() {
        return clients.size();
    }

    /** Snapshots dropped because the dispatcher fell behind, since start. */
    public long droppedSnapshots() {
        return droppedSnapshots.get();
    }

    private void enqueue(LiveEvent e) {
        if (closed) {
            return;
        }
        if (e.id() == 0 && tasks.size() > MAX_BACKLOG) {
            droppedSnapshots.incrementAndGet();
            return;
        }
        tasks.add(() -> deliver(e));
    }

    private void deliver(LiveEvent e) {
        for (LiveClient c : clients) {
            if (c.isClosed()) {
                clients.remove(c);
                continue;
            }
            if (e.id() != 0 && e.id() <= c.lastId) {
                continue;
            }
            if (e.id() != 0) {
                c.lastId = e.id();
            }
            if (!c.offer(e)) {
                clients.remove(c);
                c.close();
                continue;
            }
            c.flush();
        }
    }

    private synchronized void start() {
        if (dispatcher != null || closed) {
            return;
        }
        dispatcher = new Thread(this::run, "orb-dashboard-push");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    private void run() {
        while (!closed) {
            Runnable task;
            try {
                task = tasks.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (task == null) {
                continue;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                // one client's failure must not stop the stream for the others
                log.warn("live stream dispatch failed: {}", e.toString());
            }
        }
    }

    /** Closes every client and stops the dispatcher. */
    @Override
    public void close() {
        closed = true;
        bus.unsubscribe(subscription);
        for (LiveClient c : List.copyOf(clients)) {
            c.close();
        }
        clients.clear();
        Thread t;
        synchronized (this) {
            t = dispatcher;
        }
        if (t != null) {
            t.interrupt();
        }
    }
}
