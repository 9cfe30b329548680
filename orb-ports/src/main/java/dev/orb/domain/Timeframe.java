package dev.orb.domain;

import java.time.Duration;

/**
 * The length of an intraday bar, in whole minutes (1 to 390).
 *
 * @param minutes bar length in minutes
 */
public record Timeframe(int minutes) {
    public static final Timeframe ONE_MINUTE = new Timeframe(1);
    public static final Timeframe FIVE_MINUTES = new Timeframe(5);

    public Timeframe {
        if (!(minutes >= 1 && minutes <= 390)) {
            throw new InvalidValueException("Timeframe.minutes: " + minutes + " must be in 1..390");
        }
    }

    public static Timeframe ofMinutes(int minutes) {
        return new Timeframe(minutes);
    }

    public Duration duration() {
        return Duration.ofMinutes(minutes);
    }

    @Override
    public String toString() {
        return minutes + "Min";
    }
}
