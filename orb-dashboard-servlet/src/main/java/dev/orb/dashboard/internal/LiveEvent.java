package dev.orb.dashboard.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One event of the live stream, serialised once for every client: its Server-Sent Events frame and its
 * WebSocket text. Discrete events (fills, signals, trades, alerts, log lines, kill-switch changes) carry an id
 * from 1 upwards and are kept in the replay ring; snapshots (positions every second, resets) have id 0, are never
 * replayed and do not move a client's {@code Last-Event-ID}. Immutable.
 */
public final class LiveEvent {
    private final long id;
    private final String type;
    private final Instant at;
    private final String json;
    private final byte[] sseFrame;
    private final String wsText;

    /**
     * @param id   the event id, or 0 for a snapshot
     * @param type the SSE event name, one of this module's constants (never outside text)
     * @param at   when it happened, from the clock port
     * @param json the payload, a one-line JSON object
     */
    public LiveEvent(long id, String type, Instant at, String json) {
        this.id = id;
        this.type = Objects.requireNonNull(type, "type");
        this.at = Objects.requireNonNull(at, "at");
        this.json = Objects.requireNonNull(json, "json");
        StringBuilder frame = new StringBuilder(json.length() + type.length() + 32);
        if (id > 0) {
            frame.append("id: ").append(id).append('\n');
        }
        frame.append("event: ").append(type).append('\n').append("data: ").append(json).append("\n\n");
        this.sseFrame = frame.toString().getBytes(StandardCharsets.UTF_8);
        this.wsText = "{\"id\":" + id + ",\"type\":\"" + type + "\",\"data\":" + json + "}";
    }

    public long id() {
        return id;
    }

    public String type() {
        return type;
    }

    public Instant at() {
        return at;
    }

    public String json() {
        return json;
    }

    /** The SSE frame; callers must not modify it. */
    byte[] sseFrame() {
        return sseFrame;
    }

    /** The WebSocket message: {@code {"id":…,"type":…,"data":{…}}}. */
    String wsText() {
        return wsText;
    }
}
