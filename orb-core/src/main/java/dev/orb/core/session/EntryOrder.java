package dev.orb.core.session;

import java.math.BigDecimal;
import java.util.Objects;

import dev.orb.domain.OrderIntent;

/**
 * One entry order of the session, at most one per symbol.
 *
 * @param intent               what was sent
 * @param status               the engine's view of its status
 * @param brokerOrderId        the broker's id once acknowledged, else null
 * @param stopLegBrokerOrderId the broker id of its OTO stop-loss leg when known, else null
 * @param filledQuantity       shares filled so far
 * @param cancelRequested      a cancel was sent (or is due as soon as the broker id is known)
 * @param canceledByKillSwitch cancelled because the kill switch engaged (may be re-sent after a release)
 * @param atr                  the symbol's ATR14, kept to re-anchor the stop on the fill price
 */
public record EntryOrder(OrderIntent intent, EntryStatus status, String brokerOrderId, String stopLegBrokerOrderId,
                         long filledQuantity, boolean cancelRequested, boolean canceledByKillSwitch, BigDecimal atr) {
    public EntryOrder {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(atr, "atr");
    }

    static EntryOrder pending(OrderIntent intent, BigDecimal atr) {
        return new EntryOrder(intent, EntryStatus.PENDING, null, null, 0, false, false, atr);
    }

    EntryOrder withStatus(EntryStatus newStatus) {
        return new EntryOrder(intent, newStatus, brokerOrderId, stopLegBrokerOrderId, filledQuantity, cancelRequested,
                canceledByKillSwitch, atr);
    }

    EntryOrder withBrokerIds(String newBrokerOrderId, String newLegId) {
        return new EntryOrder(intent, status, newBrokerOrderId, newLegId != null ? newLegId : stopLegBrokerOrderId,
                filledQuantity, cancelRequested, canceledByKillSwitch, atr);
    }

    EntryOrder withFilled(long newFilled, EntryStatus newStatus) {
        return new EntryOrder(intent, newStatus, brokerOrderId, stopLegBrokerOrderId, newFilled, cancelRequested,
                canceledByKillSwitch, atr);
    }

    EntryOrder withCancelRequested(boolean byKillSwitch) {
        return new EntryOrder(intent, status, brokerOrderId, stopLegBrokerOrderId, filledQuantity, true,
                byKillSwitch || canceledByKillSwitch, atr);
    }

    /** Shares that may still fill. */
    public long remainingQuantity() {
        return status.isWorking() ? intent.shares() - filledQuantity : 0;
    }

    /** Entry price × shares that may still fill: the notional this order can still add. */
    public BigDecimal remainingNotional() {
        return intent.entryStop().toBigDecimal().multiply(BigDecimal.valueOf(remainingQuantity()));
    }

    /** True once at least one share filled. */
    public boolean hasFilled() {
        return filledQuantity > 0;
    }
}
