package dev.orb.core.session;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.orb.domain.ClientOrderId;
import dev.orb.domain.DailyMetrics;
import dev.orb.domain.ExitReason;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.OpeningRangeRecord;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.OrderRecord;
import dev.orb.domain.OrderRequest;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.SignalRecord;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradeRecord;

/**
 * What the engine wants done, as data. The shell carries commands out against the ports in the order given and
 * feeds the outcomes back as events ({@link EngineEvent.OrderAcknowledged}, {@link EngineEvent.OrderRejected},
 * {@link EngineEvent.CommandFailed}).
 */
public sealed interface Command {
    /** Send an order (an entry with its OTO stop-loss, a stand-alone protective stop). */
    record SubmitOrder(OrderRequest request, OrderPurpose purpose) implements Command {
        public SubmitOrder {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(purpose, "purpose");
        }
    }

    /**
     * Cancel one order, known by its broker id, its client id or both (a broker id may not be known yet; an OTO
     * leg has no client id of orb's). At least one is non-null.
     */
    record CancelOrder(ClientOrderId clientOrderId, String brokerOrderId) implements Command {
        public CancelOrder {
            if (clientOrderId == null && brokerOrderId == null) {
                throw new IllegalArgumentException("CancelOrder: clientOrderId or brokerOrderId is required");
            }
        }
    }

    /** Close one position at market (the broker cancels that symbol's orders first). */
    record ClosePosition(Symbol symbol, ExitReason reason) implements Command {
        public ClosePosition {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Cancel every open order, protective stops included (flatten). */
    record CancelAllOrders() implements Command {
    }

    /** Close every position at market (flatten); failures come back as {@link EngineEvent.CommandFailed}. */
    record CloseAllPositions() implements Command {
    }

    /** Fetch the broker's truth and feed it back as {@link EngineEvent.Reconciled}. */
    record Reconcile() implements Command {
    }

    record PersistKillSwitch(KillSwitchState state) implements Command {
        public PersistKillSwitch {
            Objects.requireNonNull(state, "state");
        }
    }

    record PersistOpeningRanges(List<OpeningRangeRecord> records) implements Command {
        public PersistOpeningRanges {
            records = List.copyOf(records);
        }
    }

    /** A signal, with its order record when submitted: stored in one transaction. */
    record PersistSignal(SignalRecord signal, Optional<OrderRecord> order) implements Command {
        public PersistSignal {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(order, "order");
        }
    }

    record PersistOrder(OrderRecord order) implements Command {
        public PersistOrder {
            Objects.requireNonNull(order, "order");
        }
    }

    record PersistOrderEvent(OrderUpdate update) implements Command {
        public PersistOrderEvent {
            Objects.requireNonNull(update, "update");
        }
    }

    record PersistTrade(TradeRecord trade) implements Command {
        public PersistTrade {
            Objects.requireNonNull(trade, "trade");
        }
    }

    record PersistDailyMetrics(DailyMetrics metrics) implements Command {
        public PersistDailyMetrics {
            Objects.requireNonNull(metrics, "metrics");
        }
    }

    /** Something a person should know about. */
    record Alert(Severity severity, String message) implements Command {
        public Alert {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Severity of an {@link Alert}. */
    enum Severity {
        INFO,
        WARNING,
        CRITICAL
    }
}
