package dev.orb.core.session;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orb.domain.Account;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.ExitReason;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.MarketTime;
import dev.orb.domain.Order;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.OrderRecord;
import dev.orb.domain.OrderRequest;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.Position;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;
import dev.orb.ports.Broker;
import dev.orb.ports.BrokerException;
import dev.orb.ports.BulkResult;
import dev.orb.ports.OrbClock;
import dev.orb.ports.OrderUpdateListener;
import dev.orb.ports.Storage;
import dev.orb.ports.Subscription;

/**
 * The shell around {@link SessionEngine}: it journals each event, asks the engine to decide, carries the
 * commands out against the broker and storage, and feeds their outcomes back as events.
 *
 * <p>Thread-safe: {@link #feed} may be called from any thread (scheduler, broker stream, dashboard). Events are
 * applied one at a time in arrival order; an event fed while another is being processed (including from a command's
 * own callback on the same thread) is queued and applied right after.
 *
 * <p>Every event is journaled before the engine decides on it. The events that queued up while the runner was busy
 * are journaled together ({@link SessionJournal#recordAll}, one commit) when the first of them comes up: they are
 * all durable before any of them is acted on, in the order they are applied, and a restart replays them like any
 * other journaled event whose commands may not have run.
 *
 * <p>Submissions are idempotent by client order id: a submit whose outcome is unknown (timeout, 5xx) is resolved by
 * looking the id up before anything is sent again.
 */
public final class SessionRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionRunner.class);

    private final SessionEngine engine;
    private final Broker broker;
    private final Storage storage;
    private final OrbClock clock;
    private final SessionJournal journal;
    private final EngineListener listener;
    private final Deque<EngineEvent> queue = new ArrayDeque<>();
    private SessionState state = SessionState.initial();
    private boolean processing;
    /** How many events at the head of {@link #queue} are journaled already (by an earlier recordAll). */
    private int journaledAhead;
    private Subscription subscription;

    public SessionRunner(SessionEngine engine, Broker broker, Storage storage, OrbClock clock, SessionJournal journal,
                         EngineListener listener) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.broker = Objects.requireNonNull(broker, "broker");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The current state (a consistent snapshot). */
    public synchronized SessionState state() {
        return state;
    }

    /**
     * Opens {@code session}: subscribes to order updates, rebuilds state from the journal if this session was
     * already running (a restart), else starts it with the broker's account and the persisted kill switch; then
     * reconciles with the broker.
     *
     * @throws BrokerException when the broker cannot be reached: trading must not start without reconciliation
     */
    public void start(TradingSession session) {
        Objects.requireNonNull(session, "session");
        // not synchronized: the broker may deliver updates on its own thread while this runs; they queue in feed()
        Subscription s = broker.subscribe(new OrderUpdateListener() {
            @Override
            public void onOrderUpdate(OrderUpdate update) {
                feed(new EngineEvent.OrderUpdated(clock.now(), update));
            }

            @Override
            public void onDisconnected(String reason) {
                log.warn("order-update stream lost: {}", reason);
            }

            @Override
            public void onReconnected() {
                reconcile();
            }
        });
        synchronized (this) {
            subscription = s;
        }
        List<EngineEvent> past = journal.events(session);
        if (past.isEmpty()) {
            Account account = broker.account();
            KillSwitchState killSwitch = storage.killSwitch();
            feed(new EngineEvent.SessionOpened(clock.now(), session, account, killSwitch));
        } else {
            replay(past);
            log.info("session {} rebuilt from {} journaled events", session.date(), past.size());
        }
        reconcile();
    }

    /** Applies journaled events without running their commands (they ran, or reconciliation will repair). */
    private synchronized void replay(List<EngineEvent> past) {
        for (EngineEvent e : past) {
            state = engine.decide(state, e).state();
        }
    }

    /**
     * Fetches the broker's truth — account, positions, open orders, the session day's orders with fills orb has not
     * applied or that orb still considers open, and every working entry by client order id — and feeds it as
     * {@link EngineEvent.Reconciled}. Called at start, after a stream reconnect, and periodically by the live driver.
     */
    public void reconcile() {
        Account account = broker.account();
        List<Position> positions = broker.positions();
        List<Order> orders = new ArrayList<>(broker.openOrders());
        SessionState snapshot = state();
        if (snapshot.session() != null) {
            // Orders of the whole session day, not just since the last event: account refreshes keep moving the
            // last event forward while the stream is down, and brokers stamp fills with their own clock (an EOD
            // exit carries the start of the last bar). Only those with something unapplied are passed on: fills
            // not yet counted, or orders orb still considers open.
            Instant since = snapshot.session().date().atStartOfDay(MarketTime.NEW_YORK).toInstant();
            for (Order o : broker.ordersUpdatedSince(since)) {
                boolean known = orders.stream().anyMatch(x -> x.brokerOrderId().equals(o.brokerOrderId()));
                long applied = snapshot.filledByOrder().getOrDefault(o.brokerOrderId(), 0L);
                OrderRecord record = snapshot.orders().get(o.clientOrderId());
                boolean unresolved = record != null && !record.status().isTerminal();
                if (!known && (o.filledQuantity() > applied || unresolved)) {
                    orders.add(o);
                }
            }
        }
        for (EntryOrder e : snapshot.entries().values()) {
            ClientOrderId id = e.intent().clientOrderId();
            if (e.status().isWorking() && orders.stream().noneMatch(o -> o.clientOrderId().equals(id))) {
                broker.orderByClientOrderId(id).ifPresent(orders::add);
            }
        }
        feed(new EngineEvent.Reconciled(clock.now(), account, positions, orders));
    }

    /** Applies an event and everything it causes. */
    public void feed(EngineEvent event) {
        Objects.requireNonNull(event, "event");
        synchronized (this) {
            queue.addLast(event);
            if (processing) {
                return;
            }
            processing = true;
        }
        try {
            while (true) {
                EngineEvent next;
                synchronized (this) {
                    next = queue.pollFirst();
                    if (next == null) {
                        processing = false;
                        return;
                    }
                }
                apply(next);
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                processing = false;
            }
            throw e;
        }
    }

    private void apply(EngineEvent event) {
        Decision decision;
        synchronized (this) {
            if (journaledAhead > 0) {
                journaledAhead--;
            } else {
                journalWithQueued(event);
            }
            decision = engine.decide(state, event);
            state = decision.state();
        }
        for (Command c : decision.commands()) {
            execute(c);
        }
        listener.onDecision(event, decision);
    }

    /**
     * Journals {@code event}, just taken from the queue, together with the events queued behind it that belong to
     * the same session: one {@link SessionJournal#recordAll}. A {@code SessionOpened} is journaled on its own (it
     * names its session; the events after it are journaled once it has been applied). Events before a session
     * opened are not journaled.
     */
    private void journalWithQueued(EngineEvent event) {
        if (event instanceof EngineEvent.SessionOpened o) {
            journal.record(o.session(), event);
            return;
        }
        TradingSession session = state.session();
        if (session == null) {
            return;
        }
        List<EngineEvent> batch = new ArrayList<>();
        batch.add(event);
        for (EngineEvent queued : queue) {
            if (queued instanceof EngineEvent.SessionOpened) {
                break;
            }
            batch.add(queued);
        }
        journal.recordAll(session, batch);
        journaledAhead = batch.size() - 1;
    }

    private void execute(Command command) {
        try {
            if (command instanceof Command.SubmitOrder c) {
                submit(c.request());
            } else if (command instanceof Command.CancelOrder c) {
                cancel(c);
            } else if (command instanceof Command.ClosePosition c) {
                broker.closePosition(c.symbol());
            } else if (command instanceof Command.CancelAllOrders) {
                for (BulkResult.Failure f : broker.cancelAll().failed()) {
                    feed(new EngineEvent.CommandFailed(clock.now(), new Command.CancelOrder(null, f.item()), f.reason()));
                }
            } else if (command instanceof Command.CloseAllPositions) {
                for (BulkResult.Failure f : broker.closeAll().failed()) {
                    feed(new EngineEvent.CommandFailed(clock.now(),
                            new Command.ClosePosition(Symbol.of(f.item()), ExitReason.FLATTEN), f.reason()));
                }
            } else if (command instanceof Command.Reconcile) {
                reconcile();
            } else if (command instanceof Command.PersistKillSwitch c) {
                storage.saveKillSwitch(c.state());
            } else if (command instanceof Command.PersistOpeningRanges c) {
                storage.saveOpeningRanges(c.records());
            } else if (command instanceof Command.PersistSignal c) {
                storage.saveSignal(c.signal(), c.order());
            } else if (command instanceof Command.PersistOrder c) {
                storage.upsertOrder(c.order());
            } else if (command instanceof Command.PersistOrderEvent c) {
                storage.recordOrderEvent(c.update());
            } else if (command instanceof Command.PersistTrade c) {
                storage.upsertTrade(c.trade());
            } else if (command instanceof Command.PersistDailyMetrics c) {
                storage.saveDailyMetrics(c.metrics());
            } else if (command instanceof Command.Alert c) {
                alert(c);
            }
        } catch (BrokerException e) {
            log.error("{} failed: {}", describe(command), e.getMessage());
            feed(new EngineEvent.CommandFailed(clock.now(), command, e.getMessage()));
        }
    }

    private void submit(OrderRequest request) {
        try {
            feed(new EngineEvent.OrderAcknowledged(clock.now(), broker.submit(request)));
            return;
        } catch (BrokerException e) {
            if (e.rejected()) {
                feed(new EngineEvent.OrderRejected(clock.now(), request.clientOrderId(), e.getMessage()));
                return;
            }
            log.warn("submit of {} has an unknown outcome ({}): looking it up", request.clientOrderId(), e.getMessage());
        }
        Optional<Order> existing = broker.orderByClientOrderId(request.clientOrderId());
        if (existing.isPresent()) {
            feed(new EngineEvent.OrderAcknowledged(clock.now(), existing.get()));
            return;
        }
        try {
            feed(new EngineEvent.OrderAcknowledged(clock.now(), broker.submit(request)));
        } catch (BrokerException e) {
            if (e.rejected()) {
                feed(new EngineEvent.OrderRejected(clock.now(), request.clientOrderId(), e.getMessage()));
            } else {
                // still unknown: the order stays pending; the next reconciliation resolves it by client order id
                feed(new EngineEvent.CommandFailed(clock.now(), new Command.SubmitOrder(request,
                        request.clientOrderId().parse().map(ClientOrderId.Parts::purpose).orElse(OrderPurpose.ENTRY)),
                        e.getMessage()));
            }
        }
    }

    private void cancel(Command.CancelOrder c) {
        String brokerId = c.brokerOrderId();
        if (brokerId == null) {
            Optional<Order> order = broker.orderByClientOrderId(c.clientOrderId());
            if (order.isEmpty()) {
                // never reached the broker: nothing to cancel, and the engine must know it never will
                feed(new EngineEvent.OrderNotFound(clock.now(), c.clientOrderId()));
                return;
            }
            brokerId = order.get().brokerOrderId();
        }
        broker.cancel(brokerId);
    }

    private void alert(Command.Alert alert) {
        switch (alert.severity()) {
            case CRITICAL -> log.error("{}", alert.message());
            case WARNING -> log.warn("{}", alert.message());
            default -> log.info("{}", alert.message());
        }
        listener.onAlert(alert);
    }

    private static String describe(Command c) {
        return c.toString();
    }

    /** Stops receiving order updates. Broker-side protection (stops) stays in place. */
    @Override
    public void close() {
        Subscription s;
        synchronized (this) {
            s = subscription;
            subscription = null;
        }
        if (s != null) {
            s.close();
        }
    }
}
