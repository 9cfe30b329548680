package dev.orb.adapter.alpaca;

import java.time.Instant;
import java.util.Objects;

/**
 * Alpaca's market clock ({@code GET /v2/clock}).
 *
 * @param timestamp Alpaca's current time
 * @param open      whether the regular market is open now
 * @param nextOpen  the next regular open
 * @param nextClose the next regular close
 */
public record MarketClock(Instant timestamp, boolean open, Instant nextOpen, Instant nextClose) {
    public MarketClock {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(nextOpen, "nextOpen");
        Objects.requireNonNull(nextClose, "nextClose");
    }
}
