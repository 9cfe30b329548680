package dev.orb.sim.report;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.orb.sim.backtest.BacktestTrade;

/**
 * The trades CSV of backtest-semantics.md: exactly the header {@value #HEADER}, one row per filled trade, sorted by
 * date then symbol; {@code date} ISO, times {@code HH:MM} New York (start of the bar where it happened), prices and
 * money as plain decimals. Lines end with {@code \n}. Stateless.
 */
public final class TradesCsv {
    /** The header line, without its line end. */
    public static final String HEADER = "date,symbol,side,shares,entry_price,stop_price,fill_time,fill_price,"
            + "exit_time,exit_price,exit_reason,commission,pnl";

    private TradesCsv() {
    }

    /** Writes the header and one row per trade (sorted by date then symbol, whatever the input order). */
    public static void write(List<BacktestTrade> trades, Appendable out) throws IOException {
        Objects.requireNonNull(trades, "trades");
        Objects.requireNonNull(out, "out");
        List<BacktestTrade> sorted = trades.stream()
                .sorted(Comparator.comparing(BacktestTrade::date).thenComparing(BacktestTrade::symbol)).toList();
        out.append(HEADER).append('\n');
        StringBuilder row = new StringBuilder(160);
        for (BacktestTrade t : sorted) {
            row.setLength(0);
            row.append(t.date()).append(',')
                    .append(t.symbol().value()).append(',')
                    .append(t.direction()).append(',')
                    .append(t.shares()).append(',')
                    .append(t.entryPrice()).append(',')
                    .append(t.stopPrice()).append(',')
                    .append(Formats.time(t.fillTime())).append(',')
                    .append(Formats.plain(t.fillPrice())).append(',')
                    .append(Formats.time(t.exitTime())).append(',')
                    .append(Formats.plain(t.exitPrice())).append(',')
                    .append(t.exitReason()).append(',')
                    .append(Formats.plain(t.commission())).append(',')
                    .append(Formats.plain(t.pnl())).append('\n');
            out.append(row);
        }
    }
}
