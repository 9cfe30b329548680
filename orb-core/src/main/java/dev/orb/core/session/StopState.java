package dev.orb.core.session;

/** How an open position is protected. */
public enum StopState {
    /** The entry's one-triggers-other stop-loss leg protects it, broker-side. */
    OTO_LEG,
    /** A stand-alone protective stop was sent and not yet acknowledged. */
    STANDALONE_PENDING,
    /** A stand-alone protective stop is working. */
    STANDALONE_WORKING,
    /** FILL_PRICE anchor: the leg is being cancelled so that a re-anchored stop can replace it. */
    REPLACING,
    /** Nothing protects the position (only transiently, or for positions orb did not open). */
    NONE
}
