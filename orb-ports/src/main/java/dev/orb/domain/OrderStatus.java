package dev.orb.domain;

/** Order status as brokers report it (Alpaca's set), with {@link #UNKNOWN} for anything unrecognised. */
public enum OrderStatus {
    PENDING_NEW,
    ACCEPTED,
    NEW,
    PARTIALLY_FILLED,
    FILLED,
    DONE_FOR_DAY,
    CANCELED,
    EXPIRED,
    REPLACED,
    PENDING_CANCEL,
    PENDING_REPLACE,
    PENDING_REVIEW,
    ACCEPTED_FOR_BIDDING,
    STOPPED,
    REJECTED,
    SUSPENDED,
    CALCULATED,
    /** An OTO/bracket leg waiting for its parent to fill. */
    HELD,
    /** The broker sent a status orb does not know (or none). Treated as possibly working. */
    UNKNOWN;

    /** True when the order can no longer fill. */
    public boolean isTerminal() {
        return switch (this) {
            case FILLED, CANCELED, EXPIRED, REPLACED, REJECTED, DONE_FOR_DAY, STOPPED -> true;
            default -> false;
        };
    }

    /** True while the order may still fill (the conservative complement of {@link #isTerminal()}). */
    public boolean isWorking() {
        return !isTerminal();
    }
}
