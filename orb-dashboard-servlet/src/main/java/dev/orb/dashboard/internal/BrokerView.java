package dev.orb.dashboard.internal;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orb.domain.Account;
import dev.orb.domain.Position;
import dev.orb.ports.Broker;
import dev.orb.ports.OrbClock;

/**
 * The broker's positions and account as last fetched. Pages and the API read this snapshot instead of calling the
 * broker per request (a thousand requests a second must not become a thousand broker calls); the push loop
 * refreshes it every {@code brokerRefresh}. A failed refresh keeps the previous data and records the broker's
 * error text (outside text: escape and mask before showing). Thread-safe.
 */
public final class BrokerView {
    private static final Logger log = LoggerFactory.getLogger(BrokerView.class);

    private final Broker broker;
    private final OrbClock clock;
    private volatile Snapshot current;

    public BrokerView(Broker broker, OrbClock clock) {
        this.broker = broker;
        this.clock = clock;
    }

    /** The last snapshot, fetching the first one if none was taken yet. */
    public Snapshot current() {
        Snapshot s = current;
        return s != null ? s : refresh();
    }

    /** Fetches positions and account now. */
    public synchronized Snapshot refresh() {
        Snapshot previous = current;
        try {
            List<Position> positions = List.copyOf(broker.positions());
            Account account = broker.account();
            current = new Snapshot(positions, account, clock.now(), null);
        } catch (RuntimeException e) {
            // a broker outage must not take the dashboard down: show the last data with the error
            log.warn("dashboard could not refresh positions: {}", e.getMessage());
            String error = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            current = previous == null ? new Snapshot(List.of(), null, null, error)
                    : new Snapshot(previous.positions(), previous.account(), previous.asOf(), error);
        }
        return current;
    }

    /**
     * What the broker reported.
     *
     * @param positions open positions, by the broker's order
     * @param account   the account, or null when never fetched
     * @param asOf      when the data was fetched, or null when never
     * @param error     the last refresh's error text, or null when it succeeded
     */
    public record Snapshot(List<Position> positions, Account account, Instant asOf, String error) {
    }
}
