package dev.orb.dashboard.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The live events in order, with a bounded ring of the most recent discrete events for clients that resume with
 * {@code Last-Event-ID}. Publishing is cheap (a ring slot and a hand-off to each subscriber) so that it can run on
 * the session runner's thread. Thread-safe.
 */
public final class EventBus {
    private final LiveEvent[] ring;
    private final List<Consumer<LiveEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong changes = new AtomicLong();
    private long lastId;

    /** @param capacity discrete events kept for replay, ≥ 1 */
    public EventBus(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("event buffer: " + capacity + " must be ≥ 1");
        }
        this.ring = new LiveEvent[capacity];
    }

    /** Publishes a discrete event with the next id and keeps it for replay. */
    public LiveEvent publish(String type, Instant at, String json) {
        LiveEvent e;
        synchronized (this) {
            lastId++;
            e = new LiveEvent(lastId, type, at, json);
            ring[(int) (lastId % ring.length)] = e;
            // handed over under the lock so that subscribers see ids in order
            for (Consumer<LiveEvent> s : subscribers) {
                s.accept(e);
            }
        }
        changes.incrementAndGet();
        return e;
    }

    /** Publishes a snapshot (id 0): delivered to current subscribers, never replayed. */
    public void snapshot(String type, Instant at, String json) {
        LiveEvent e = new LiveEvent(0, type, at, json);
        synchronized (this) {
            for (Consumer<LiveEvent> s : subscribers) {
                s.accept(e);
            }
        }
    }

    /**
     * Records that the engine's state or the stores changed without a discrete event (an engine decision that
     * published nothing): what the {@link ResponseCache} watches.
     */
    public void changed() {
        changes.incrementAndGet();
    }

    /**
     * A counter that grows with every discrete event and every {@link #changed()} (never with snapshots, which
     * only repeat what is already known).
     */
    public long changes() {
        return changes.get();
    }

    /** The id of the last discrete event, 0 before the first. */
    public synchronized long lastId() {
        return lastId;
    }

    /**
     * The buffered events after {@code afterId}, oldest first.
     *
     * @return the events, and whether some events after {@code afterId} are no longer buffered (a gap)
     */
    public synchronized Replay since(long afterId) {
        long oldest = Math.max(1, lastId - ring.length + 1);
        boolean gap = afterId + 1 < oldest && lastId > 0;
        List<LiveEvent> out = new ArrayList<>();
        for (long id = Math.max(afterId + 1, oldest); id <= lastId; id++) {
            out.add(ring[(int) (id % ring.length)]);
        }
        return new Replay(List.copyOf(out), gap, lastId);
    }

    public void subscribe(Consumer<LiveEvent> subscriber) {
        subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
    }

    public void unsubscribe(Consumer<LiveEvent> subscriber) {
        subscribers.remove(subscriber);
    }

    /**
     * Events to replay to a resuming client.
     *
     * @param events events after the client's last id, oldest first
     * @param gap    true when events between the client's last id and {@code events} were dropped from the ring
     * @param lastId the id of the last event published when the replay was taken
     */
    public record Replay(List<LiveEvent> events, boolean gap, long lastId) {
    }
}
