package dev.orb.ports.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Fill;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.OrderRecord;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.SignalRecord;

/**
 * The audit trail of one signal: the signal, its entry order, every broker event of that order (and of its
 * broker-side legs, such as the stop-loss of a one-triggers-other entry), the fills among them, and the
 * latencies from decision to acknowledgement to first fill.
 *
 * <p>Latencies compare the engine's clock ({@link SignalRecord#createdAt()}) with the broker's timestamps, so
 * a skewed clock can make them negative; they are reported as measured, never clamped. Build chains with
 * {@link #of}, which computes the latencies the same way for every store.
 *
 * @param signal             the signal
 * @param order              its entry order, empty when the signal was not submitted
 * @param events             the broker events of the entry order and its legs, oldest first (by broker
 *                           timestamp, then arrival); {@link dev.orb.domain.Order#legs()} of these events is
 *                           empty
 * @param fills              the fills among {@code events}, in the same order
 * @param signalToAckMillis  milliseconds from the decision to the broker's acknowledgement, if acknowledged
 * @param ackToFillMillis    milliseconds from the acknowledgement to the entry order's first fill, if both exist
 * @param signalToFillMillis milliseconds from the decision to the entry order's first fill, if filled
 */
public record SignalChain(SignalRecord signal, Optional<OrderRecord> order, List<OrderUpdate> events, List<Fill> fills,
                          OptionalLong signalToAckMillis, OptionalLong ackToFillMillis,
                          OptionalLong signalToFillMillis) {
    public SignalChain {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(order, "order");
        events = List.copyOf(Objects.requireNonNull(events, "events"));
        fills = List.copyOf(Objects.requireNonNull(fills, "fills"));
        Objects.requireNonNull(signalToAckMillis, "signalToAckMillis");
        Objects.requireNonNull(ackToFillMillis, "ackToFillMillis");
        Objects.requireNonNull(signalToFillMillis, "signalToFillMillis");
        if (order.isPresent() && !order.get().clientOrderId().equals(signal.clientOrderId())) {
            throw new InvalidValueException("SignalChain.order: " + order.get().clientOrderId()
                    + " is not the signal's order " + signal.clientOrderId());
        }
    }

    /**
     * The chain of {@code signal} with latencies computed from its order and events. The acknowledgement is the
     * order's {@link OrderRecord#acknowledgedAt()}, or else the earliest event of the entry order; the first
     * fill is the earliest {@link Fill#time()} of the entry order's own fills (fills of legs are exits).
     *
     * @param events the events of the entry order and its legs, oldest first
     */
    public static SignalChain of(SignalRecord signal, Optional<OrderRecord> order, List<OrderUpdate> events) {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(events, "events");
        ClientOrderId entryId = signal.clientOrderId();
        List<Fill> fills = new ArrayList<>();
        Instant firstEvent = null;
        Instant firstFill = null;
        for (OrderUpdate e : events) {
            boolean entryEvent = e.order().clientOrderId().equals(entryId);
            if (entryEvent && (firstEvent == null || e.timestamp().isBefore(firstEvent))) {
                firstEvent = e.timestamp();
            }
            if (e.fill() != null) {
                fills.add(e.fill());
                if (entryEvent && (firstFill == null || e.fill().time().isBefore(firstFill))) {
                    firstFill = e.fill().time();
                }
            }
        }
        Instant ack = order.map(OrderRecord::acknowledgedAt).orElse(null);
        if (ack == null) {
            ack = firstEvent;
        }
        Instant created = signal.createdAt();
        return new SignalChain(signal, order, events, fills, millis(created, ack), millis(ack, firstFill),
                millis(created, firstFill));
    }

    private static OptionalLong millis(Instant from, Instant to) {
        return from == null || to == null ? OptionalLong.empty() : OptionalLong.of(Duration.between(from, to).toMillis());
    }
}
