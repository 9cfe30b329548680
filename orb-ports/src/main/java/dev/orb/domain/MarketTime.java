package dev.orb.domain;

import java.time.LocalTime;
import java.time.ZoneId;

/** Fixed facts of the US equity market's time. */
public final class MarketTime {
    /** The exchange's zone; every session time in orb is in it. */
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Regular session open. */
    public static final LocalTime REGULAR_OPEN = LocalTime.of(9, 30);
    /** Regular session close on a full day. */
    public static final LocalTime REGULAR_CLOSE = LocalTime.of(16, 0);
    /** Close on an early-close day. */
    public static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);

    private MarketTime() {
    }
}
