package dev.orb.core.session;

/** The engine's view of one entry order. */
public enum EntryStatus {
    /** Sent to the broker, no answer yet. */
    PENDING,
    /** Acknowledged and waiting for its trigger. */
    WORKING,
    /** Partly filled and still working. */
    PARTIALLY_FILLED,
    /** Completely filled. */
    FILLED,
    /** Cancelled or expired (possibly after a partial fill). */
    CANCELED,
    /** Refused by the broker. */
    REJECTED;

    /** True while the order may still (further) fill. */
    public boolean isWorking() {
        return this == PENDING || this == WORKING || this == PARTIALLY_FILLED;
    }
}
