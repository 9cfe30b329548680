package dev.orb.dashboard;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

import dev.orb.core.session.Command;
import dev.orb.core.session.Decision;
import dev.orb.core.session.EngineEvent;
import dev.orb.core.session.EngineListener;
import dev.orb.dashboard.internal.EventBus;
import dev.orb.dashboard.internal.Json;
import dev.orb.dashboard.internal.LiveHub;
import dev.orb.dashboard.internal.Redactor;
import dev.orb.dashboard.internal.Views;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.LogRecord;
import dev.orb.ports.OrbClock;

/**
 * The dashboard's live events: pass it to the {@link dev.orb.core.session.SessionRunner} as its
 * {@link EngineListener} and to {@link DashboardConfig.Builder#liveFeed}. It turns the engine's decisions into
 * stream events — fills, new signals, closed trades, kill-switch changes, alerts — and the dashboard adds the
 * positions and P&amp;L every second and new log lines. Each event is serialised once and kept in a bounded ring
 * for clients that resume with {@code Last-Event-ID}.
 *
 * <p>Thread-safe. The listener methods only serialise and hand over (no I/O, no call back into the runner), as
 * {@link EngineListener} requires.
 */
public final class LiveFeed implements EngineListener {
    /** Alerts kept for the live page. */
    public static final int RECENT_ALERTS = 50;

    private final OrbClock clock;
    private final EventBus bus;
    private final Deque<Alert> alerts = new ArrayDeque<>();
    private volatile Views views = new Views(new Redactor(List.of()));
    private LiveHub hub;
    private KillSwitchState lastKillSwitch;

    /** A feed keeping the last {@value DashboardConfig#DEFAULT_EVENT_BUFFER} discrete events for replay. */
    public LiveFeed(OrbClock clock) {
        this(clock, DashboardConfig.DEFAULT_EVENT_BUFFER);
    }

    /**
     * @param clock    stamps events that carry no time of their own (alerts, log lines are stamped by their own)
     * @param capacity discrete events kept for clients that resume, ≥ 1
     */
    public LiveFeed(OrbClock clock, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bus = new EventBus(capacity);
    }

    @Override
    public void onDecision(EngineEvent event, Decision decision) {
        Views v = views;
        if (event instanceof EngineEvent.OrderUpdated u && u.update().fill() != null) {
            bus.publish("fill", event.at(), Json.write(o -> v.fillFields(o.startObject(), u.update().fill())
                    .string("event", u.update().type().name()).endObject()));
        }
        for (Command c : decision.commands()) {
            if (c instanceof Command.PersistSignal s) {
                bus.publish("signal", event.at(), Json.write(o -> v.signal(o, s.signal())));
            } else if (c instanceof Command.PersistTrade t && t.trade().isClosed()) {
                bus.publish("trade", event.at(), Json.write(o -> v.trade(o, t.trade())));
            }
        }
        KillSwitchState k = decision.state().killSwitch();
        boolean changed;
        synchronized (this) {
            changed = lastKillSwitch != null && !lastKillSwitch.equals(k);
            lastKillSwitch = k;
        }
        if (changed) {
            bus.publish("killswitch", event.at(), Json.write(o -> v.killSwitch(o, k)));
        }
        // every decision may have changed what the API answers (orders, state), even without an event
        bus.changed();
    }

    @Override
    public void onAlert(Command.Alert alert) {
        Instant at = clock.now();
        synchronized (this) {
            alerts.addFirst(new Alert(at, alert.severity().name(), alert.message()));
            while (alerts.size() > RECENT_ALERTS) {
                alerts.removeLast();
            }
        }
        String message = views.text(alert.message());
        bus.publish("alert", at, Json.write(o -> o.startObject().time("at", at)
                .string("severity", alert.severity().name()).string("message", message).endObject()));
    }

    /** Publishes a log line to the live tail (the dashboard also reads new lines from its log store). */
    public void publishLog(LogRecord record) {
        Objects.requireNonNull(record, "record");
        Views v = views;
        bus.publish("log", record.time(), Json.write(o -> v.log(o, record)));
    }

    /** The most recent alerts, newest first (their text as raised: escape and mask before showing). */
    public synchronized List<Alert> recentAlerts() {
        return List.copyOf(alerts);
    }

    /** The id of the last discrete event published, 0 before the first. */
    public long lastEventId() {
        return bus.lastId();
    }

    void useRedactor(Redactor redactor) {
        this.views = new Views(redactor);
    }

    EventBus bus() {
        return bus;
    }

    /** The hub of connected clients, created with the first; shared by the SSE servlet and the WebSocket. */
    synchronized LiveHub hub() {
        if (hub == null) {
            hub = new LiveHub(bus);
        }
        return hub;
    }

    /** Disconnects every client; a later client starts a new hub. */
    synchronized void closeClients() {
        if (hub != null) {
            hub.close();
            hub = null;
        }
    }

    /**
     * An alert the engine raised.
     *
     * @param at       when the feed received it
     * @param severity INFO, WARNING or CRITICAL
     * @param message  its text, as raised
     */
    public record Alert(Instant at, String severity, String message) {
        public Alert {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(message, "message");
        }
    }
}
