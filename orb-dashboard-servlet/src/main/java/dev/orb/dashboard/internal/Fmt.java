package dev.orb.dashboard.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.orb.domain.MarketTime;

/** How pages show numbers and times: dollars to the cent with grouping, times in New York. */
public final class Fmt {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(MarketTime.NEW_YORK);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(MarketTime.NEW_YORK);

    private Fmt() {
    }

    /** Dollars rounded half-even to the cent, grouped: {@code 100,250.07}, {@code -12.50}; "–" for null. */
    public static String money(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return f.format(value);
    }

    /** Like {@link #money} with an explicit sign for gains: {@code +12.50}. */
    public static String signedMoney(BigDecimal value) {
        String s = money(value);
        return value != null && value.signum() > 0 ? "+" + s : s;
    }

    /** A CSS class for the sign of a P&amp;L. */
    public static String signClass(BigDecimal value) {
        return value == null || value.signum() == 0 ? "flat" : value.signum() > 0 ? "up" : "down";
    }

    /** An exact price or amount without grouping and without trailing zeros beyond the cent. */
    public static String exact(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        return Json.decimal(value);
    }

    /** A ratio as a percentage with one decimal, "–" when undefined. */
    public static String percent(double ratio) {
        return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.1f%%", ratio * 100) : "–";
    }

    /** A statistic with two decimals, "–" when undefined, "∞" when infinite. */
    public static String stat(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return Double.isInfinite(value) ? (value > 0 ? "∞" : "-∞") : String.format(Locale.ROOT, "%.2f", value);
    }

    /** HH:mm:ss in New York; "–" for null. */
    public static String time(Instant at) {
        return at == null ? "–" : TIME.format(at);
    }

    /** yyyy-MM-dd HH:mm:ss in New York; "–" for null. */
    public static String dateTime(Instant at) {
        return at == null ? "–" : DATE_TIME.format(at);
    }
}
