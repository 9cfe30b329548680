package dev.orb.core.session;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.orb.core.strategy.ScanInput;
import dev.orb.domain.Account;
import dev.orb.domain.Asset;
import dev.orb.domain.Bar;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.DailyStats;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.Order;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.Position;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingSession;

/**
 * Everything that can happen to a session, as data. Each event carries the instant it happened ({@link #at()}),
 * taken from the clock port by whoever created it; the engine never reads a clock.
 */
public sealed interface EngineEvent {
    /** When the event happened. */
    Instant at();

    /**
     * The session starts: the account at the open gives the start-of-day equity E used for sizing and the daily
     * loss limit, and the persisted kill switch is restored.
     */
    record SessionOpened(Instant at, TradingSession session, Account account, KillSwitchState killSwitch)
            implements EngineEvent {
        public SessionOpened {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(killSwitch, "killSwitch");
        }
    }

    /**
     * The opening range is complete: the inputs of the scan (strategy.md §2–7) in columns ({@link ScanInput}: the
     * universe with its statistics, today's bars per symbol, of which only those in the opening-range window are
     * used, and per symbol the opening-range volumes of the previous {@code rvol.lookback} sessions, oldest first);
     * {@code assets} tells tradability (a symbol without an entry is treated as not shortable).
     */
    record ScanReady(Instant at, ScanInput input, Map<Symbol, Asset> assets) implements EngineEvent {
        public ScanReady {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(assets, "assets");
            // a sorted copy: the same in every run
            assets = Collections.unmodifiableMap(new TreeMap<>(assets));
        }

        /**
         * The event of inputs given as maps ({@link ScanInput#of}).
         *
         * @throws dev.orb.domain.InvalidValueException as {@link ScanInput#of}
         */
        public ScanReady(Instant at, Map<Symbol, DailyStats> universe, Map<Symbol, ? extends List<Bar>> bars,
                         Map<Symbol, long[]> orVolumeHistory, Map<Symbol, Asset> assets) {
            this(at, ScanInput.of(universe, bars, orVolumeHistory), assets);
        }

        /** The universe with its statistics, as a sorted map built on each call ({@link ScanInput#universe()}). */
        public SortedMap<Symbol, DailyStats> universe() {
            return input.universe();
        }

        /** Today's bars per symbol, as a sorted map built on each call ({@link ScanInput#bars()}). */
        public SortedMap<Symbol, List<Bar>> bars() {
            return input.bars();
        }

        /** The volume histories, as a sorted map built on each call ({@link ScanInput#orVolumeHistory()}). */
        public SortedMap<Symbol, long[]> orVolumeHistory() {
            return input.orVolumeHistory();
        }
    }

    /** The broker acknowledged an order the engine asked for. */
    record OrderAcknowledged(Instant at, Order order) implements EngineEvent {
        public OrderAcknowledged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(order, "order");
        }
    }

    /** The broker (or the shell, after a lookup) definitely refused an order the engine asked for. */
    record OrderRejected(Instant at, ClientOrderId clientOrderId, String reason) implements EngineEvent {
        public OrderRejected {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The broker has no order with this client order id (the shell looked it up, e.g. to cancel an order whose
     * submission never reached the broker).
     */
    record OrderNotFound(Instant at, ClientOrderId clientOrderId) implements EngineEvent {
        public OrderNotFound {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(clientOrderId, "clientOrderId");
        }
    }

    /**
     * A command could not be carried out (a cancel failed, a position could not be closed, a submission's outcome
     * stayed unknown, …). For bulk commands, {@code command} is the item that failed (a {@link Command.ClosePosition}
     * of one symbol, a {@link Command.CancelOrder} of one order).
     */
    record CommandFailed(Instant at, Command command, String reason) implements EngineEvent {
        public CommandFailed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** An order update from the broker's stream (or a resynchronisation). */
    record OrderUpdated(Instant at, OrderUpdate update) implements EngineEvent {
        public OrderUpdated {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(update, "update");
        }
    }

    /** A fresh view of the account (equity moves with prices): the daily loss limit is checked against it. */
    record AccountUpdated(Instant at, Account account) implements EngineEvent {
        public AccountUpdated {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(account, "account");
        }
    }

    /**
     * The broker's truth after start-up or a stream reconnect (safety.md, Reconciliation): the account, every
     * position, and every order the broker knows that is open or that orb asked about by client order id.
     */
    record Reconciled(Instant at, Account account, List<Position> positions, List<Order> orders)
            implements EngineEvent {
        public Reconciled {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(account, "account");
            positions = List.copyOf(positions);
            orders = List.copyOf(orders);
        }
    }

    /** close − 5 min: cancel every entry, close every position. */
    record EodReached(Instant at) implements EngineEvent {
        public EodReached {
            Objects.requireNonNull(at, "at");
        }
    }

    /** An operator, or a system control named in {@code by}, engages the kill switch. */
    record KillSwitchEngaged(Instant at, String by, String reason) implements EngineEvent {
        public KillSwitchEngaged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A person turns the kill switch off (only a person can: there is no automatic release). */
    record KillSwitchReleased(Instant at, String operator, String reason) implements EngineEvent {
        public KillSwitchReleased {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Flatten all: kill switch on, cancel every order (stops included), close every position. */
    record FlattenRequested(Instant at, String by) implements EngineEvent {
        public FlattenRequested {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(by, "by");
        }
    }

    /** Force-close one symbol: cancel its orders and close its position. */
    record ForceCloseRequested(Instant at, Symbol symbol, String by) implements EngineEvent {
        public ForceCloseRequested {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(by, "by");
        }
    }
}
