package dev.orb.dashboard.internal;

import java.math.BigDecimal;
import java.time.Duration;

import dev.orb.domain.TradeRecord;

/**
 * The trade log as CSV (RFC 4180, CRLF line ends): one row per trade, money and prices as exact decimals,
 * instants in ISO-8601 UTC. Text cells are quoted when needed and never start with a spreadsheet formula
 * character.
 */
public final class Csv {
    /** The header row. */
    public static final String HEADER = "session,symbol,side,shares,entry_time,entry_price,exit_time,exit_price,"
            + "exit_reason,commission,pnl,duration_seconds\r\n";

    private Csv() {
    }

    /** One trade's row, CRLF-terminated; an open trade leaves the exit cells empty. */
    public static String row(TradeRecord t) {
        StringBuilder b = new StringBuilder(160);
        b.append(t.session()).append(',')
                .append(text(t.symbol().value())).append(',')
                .append(t.direction()).append(',')
                .append(t.shares()).append(',')
                .append(t.fillTime()).append(',')
                .append(plain(t.fillPrice())).append(',')
                .append(t.exitTime() == null ? "" : t.exitTime().toString()).append(',')
                .append(plain(t.exitPrice())).append(',')
                .append(t.exitReason() == null ? "" : t.exitReason().name()).append(',')
                .append(plain(t.commission())).append(',')
                .append(plain(t.pnl())).append(',')
                .append(t.exitTime() == null ? "" : Long.toString(Duration.between(t.fillTime(), t.exitTime()).toSeconds()))
                .append("\r\n");
        return b.toString();
    }

    /** An exact decimal without exponent ({@link Json#decimal}), or an empty cell for null. */
    static String plain(BigDecimal v) {
        return v == null ? "" : Json.decimal(v);
    }

    /** A text cell: quoted when it holds a comma, quote or line break; a leading formula character is defused. */
    static String text(String v) {
        String s = v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
