package dev.orb.sim.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import dev.orb.domain.MarketTime;

/** Locale-free formatting shared by the writers. */
final class Formats {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private Formats() {
    }

    /** {@code HH:MM} in New York. */
    static String time(Instant instant) {
        return HH_MM.format(instant.atZone(MarketTime.NEW_YORK));
    }

    /** A plain decimal without trailing zeros but with at least two decimals: {@code 10.50}, {@code 0.8512}. */
    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2, RoundingMode.UNNECESSARY) : stripped).toPlainString();
    }

    /** A JSON number for a statistic, or {@code null} when it is undefined (NaN, ±∞). */
    static String jsonNumber(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }
}
