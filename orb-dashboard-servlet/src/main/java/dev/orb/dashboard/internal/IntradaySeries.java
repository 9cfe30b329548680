package dev.orb.dashboard.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import dev.orb.domain.MarketTime;

/**
 * The day's P&amp;L samples for the live chart: one per broker refresh, bounded, cleared when the New York date
 * changes. Thread-safe.
 */
public final class IntradaySeries {
    /** Samples kept: a whole session at one per 5 s, the oldest dropped beyond. */
    static final int CAPACITY = 6000;

    private final Deque<Sample> samples = new ArrayDeque<>();
    private LocalDate day;

    /** Adds a sample; one at or before the last is ignored (the chart's x must grow). */
    public synchronized void add(Instant at, BigDecimal dayPnl) {
        LocalDate d = at.atZone(MarketTime.NEW_YORK).toLocalDate();
        if (!d.equals(day)) {
            samples.clear();
            day = d;
        }
        if (!samples.isEmpty() && !at.isAfter(samples.peekLast().at())) {
            return;
        }
        samples.addLast(new Sample(at, dayPnl));
        while (samples.size() > CAPACITY) {
            samples.removeFirst();
        }
    }

    /** The samples, oldest first. */
    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** One sample: when, and the day's P&amp;L (equity − last close's equity), exact dollars. */
    public record Sample(Instant at, BigDecimal dayPnl) {
    }
}
