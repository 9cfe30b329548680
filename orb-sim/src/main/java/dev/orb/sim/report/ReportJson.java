package dev.orb.sim.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Objects;

import dev.orb.core.config.OrbConfig;
import dev.orb.core.metrics.PerformanceReport;
import dev.orb.sim.backtest.BacktestResult;
import dev.orb.sim.fill.FillConfig;

/**
 * The report JSON of backtest-semantics.md: {@code start_equity, end_equity, total_return, trades, win_rate,
 * sharpe, sortino, max_drawdown, profit_factor, avg_win, avg_loss, sessions, warmup_sessions}, plus
 * {@code wins, losses, first_session, last_session, minute_rows} and the {@code config} that was run.
 *
 * <p>Money is an exact decimal number ({@code 25000.00}); statistics are JSON numbers written from doubles. A
 * statistic that is undefined for the run is {@code null}: {@code win_rate} without trades, {@code sharpe} with
 * fewer than two sessions or no spread of daily returns, {@code sortino} without a losing day, {@code profit_factor}
 * without losses (infinite with wins, undefined without), {@code avg_win}/{@code avg_loss} without wins/losses.
 * Keys come in a fixed order; the output is a function of the result alone. Stateless.
 */
public final class ReportJson {
    private ReportJson() {
    }

    /** Writes the report as one JSON object, indented, ending with a line end. */
    public static void write(BacktestResult result, Appendable out) throws IOException {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(out, "out");
        PerformanceReport r = result.report();
        OrbConfig s = result.config().strategy();
        FillConfig f = result.config().fills();
        Json j = new Json(out);
        j.open();
        j.money("start_equity", r.startEquity());
        j.money("end_equity", r.endEquity());
        j.number("total_return", r.totalReturn());
        j.integer("trades", r.trades());
        j.integer("wins", r.wins());
        j.integer("losses", r.losses());
        j.number("win_rate", r.winRate());
        j.number("sharpe", r.sharpe());
        j.number("sortino", r.sortino());
        j.number("max_drawdown", r.maxDrawdown());
        j.number("profit_factor", r.profitFactor());
        j.money("avg_win", r.avgWin());
        j.money("avg_loss", r.avgLoss());
        j.integer("sessions", r.sessions());
        j.integer("warmup_sessions", result.warmupSessions());
        j.string("first_session", result.runSessions().get(0).toString());
        j.string("last_session", result.runSessions().get(result.runSessions().size() - 1).toString());
        j.integer("minute_rows", result.minuteRows());
        j.object("config");
        j.integer("top_n", s.scanTopN());
        j.integer("max_positions", s.maxPositions());
        j.money("risk", s.riskPerTrade());
        j.money("max_leverage", s.maxLeverage());
        j.money("stop_atr", s.stopAtrFraction());
        j.integer("or_minutes", s.openingRangeMinutes());
        j.string("rvol_method", s.rvolMethod().name());
        j.string("atr_method", s.atrMethod().name());
        j.money("commission_per_share", f.commissionPerShare());
        j.money("slippage_bps", f.slippageBps());
        j.raw("max_daily_loss", s.dailyLossLimitEnabled() ? s.maxDailyLoss().toPlainString() : "null");
        j.close();
        j.close();
        out.append('\n');
    }

    /** A tiny writer for a flat-ish object with fixed key order. */
    private static final class Json {
        private final Appendable out;
        private int depth;
        private boolean first = true;

        Json(Appendable out) {
            this.out = out;
        }

        void open() throws IOException {
            out.append('{');
            depth++;
            first = true;
        }

        void object(String key) throws IOException {
            key(key);
            open();
        }

        void close() throws IOException {
            depth--;
            out.append('\n').append("  ".repeat(depth)).append('}');
            first = false;
        }

        void money(String key, BigDecimal value) throws IOException {
            raw(key, value == null ? "null" : value.toPlainString());
        }

        void number(String key, double value) throws IOException {
            raw(key, Formats.jsonNumber(value));
        }

        void integer(String key, long value) throws IOException {
            raw(key, Long.toString(value));
        }

        void string(String key, String value) throws IOException {
            raw(key, '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }

        void raw(String key, String value) throws IOException {
            key(key);
            out.append(value);
        }

        private void key(String key) throws IOException {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append('\n').append("  ".repeat(depth)).append('"').append(key).append("\": ");
        }
    }
}
