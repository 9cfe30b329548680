package dev.orb.sim.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dev.orb.core.metrics.PerformanceReport;
import dev.orb.core.metrics.SessionResult;
import dev.orb.sim.backtest.BacktestResult;
import dev.orb.sim.backtest.BacktestTrade;

/**
 * A self-contained HTML report of a backtest: metrics, equity curve, drawdown, monthly returns and the trade list.
 * Charts are inline SVG drawn here and the style sheet is inline: the page loads nothing and opens offline. The
 * output is a function of the result alone. Stateless.
 */
public final class HtmlReport {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private HtmlReport() {
    }

    /** Writes the page. */
    public static void write(BacktestResult result, Appendable out) throws IOException {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(out, "out");
        PerformanceReport r = result.report();
        List<String> labels = new ArrayList<>();
        List<Double> equity = new ArrayList<>();
        labels.add("start");
        equity.add(r.startEquity().doubleValue());
        for (SessionResult s : result.sessions()) {
            labels.add(s.session().toString());
            equity.add(s.endEquity().doubleValue());
        }
        List<Double> drawdown = drawdowns(equity);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>orb backtest ")
                .append(range(result)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:24px;")
                .append("color:#1d2330}h1{font-size:20px}h2{font-size:16px;margin-top:28px}")
                .append("table{border-collapse:collapse;font-size:13px}td,th{padding:3px 8px;border-bottom:1px solid #e3e6eb;")
                .append("text-align:right}th{background:#f4f6f8}td.l,th.l{text-align:left}.pos{color:#137333}")
                .append(".neg{color:#b3261e}svg{background:#fbfcfd;border:1px solid #e3e6eb}\n</style></head><body>\n");
        out.append("<h1>orb backtest ").append(range(result)).append("</h1>\n");
        metrics(result, out);
        out.append("<h2>Equity</h2>\n");
        chart(out, labels, equity, "#1a56db", false);
        out.append("<h2>Drawdown</h2>\n");
        chart(out, labels, drawdown, "#b3261e", true);
        out.append("<h2>Monthly returns</h2>\n");
        monthly(result.sessions(), out);
        out.append("<h2>Trades (").append(Integer.toString(result.trades().size())).append(")</h2>\n");
        trades(result.trades(), out);
        out.append("</body></html>\n");
    }

    private static String range(BacktestResult result) {
        return result.runSessions().get(0) + " to " + result.runSessions().get(result.runSessions().size() - 1);
    }

    private static void metrics(BacktestResult result, Appendable out) throws IOException {
        PerformanceReport r = result.report();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("start equity", Formats.plain(r.startEquity()));
        rows.put("end equity", Formats.plain(r.endEquity()));
        rows.put("total return", percent(r.totalReturn()));
        rows.put("trades", Integer.toString(r.trades()));
        rows.put("win rate", percent(r.winRate()));
        rows.put("Sharpe", ratio(r.sharpe()));
        rows.put("Sortino", ratio(r.sortino()));
        rows.put("max drawdown", percent(r.maxDrawdown()));
        rows.put("profit factor", Double.isInfinite(r.profitFactor()) ? "∞" : ratio(r.profitFactor()));
        rows.put("average win", r.avgWin() == null ? "–" : Formats.plain(r.avgWin().setScale(2, java.math.RoundingMode.HALF_EVEN)));
        rows.put("average loss", r.avgLoss() == null ? "–" : Formats.plain(r.avgLoss().setScale(2, java.math.RoundingMode.HALF_EVEN)));
        rows.put("sessions (after warm-up)", Integer.toString(r.sessions()));
        rows.put("warm-up sessions", Integer.toString(result.warmupSessions()));
        out.append("<table>\n");
        for (Map.Entry<String, String> e : rows.entrySet()) {
            out.append("<tr><th class=\"l\">").append(e.getKey()).append("</th><td>").append(escape(e.getValue()))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    /** A line (or, for drawdown, a filled area) over the points, with its min and max marked. */
    private static void chart(Appendable out, List<String> labels, List<Double> values, String color, boolean area)
            throws IOException {
        int width = 900;
        int height = 220;
        int pad = 40;
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (area) {
            max = Math.max(max, 0);
            min = Math.min(min, 0);
        }
        if (max - min < 1e-12) {
            max = min + 1;
        }
        int n = values.size();
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double x = pad + (n == 1 ? 0 : (width - 2.0 * pad) * i / (n - 1));
            double y = pad / 2.0 + (height - pad) * (max - values.get(i)) / (max - min);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(Integer.toString(width))
                .append("\" height=\"").append(Integer.toString(height)).append("\" viewBox=\"0 0 ")
                .append(Integer.toString(width)).append(' ').append(Integer.toString(height)).append("\">\n");
        String fmtMax = area ? percent(max) : String.format(Locale.ROOT, "%.2f", max);
        String fmtMin = area ? percent(min) : String.format(Locale.ROOT, "%.2f", min);
        out.append("<text x=\"4\" y=\"14\" font-size=\"11\">").append(fmtMax).append("</text>\n");
        // the minimum sits above the bottom line, where the first date label goes
        out.append("<text x=\"4\" y=\"").append(Integer.toString(height - 20)).append("\" font-size=\"11\">")
                .append(fmtMin).append("</text>\n");
        out.append("<text x=\"").append(Integer.toString(pad)).append("\" y=\"").append(Integer.toString(height - 6))
                .append("\" font-size=\"11\">").append(escape(labels.get(0))).append("</text>\n");
        out.append("<text x=\"").append(Integer.toString(width - pad - 70)).append("\" y=\"")
                .append(Integer.toString(height - 6)).append("\" font-size=\"11\">")
                .append(escape(labels.get(n - 1))).append("</text>\n");
        if (area) {
            double zero = pad / 2.0 + (height - pad) * max / (max - min);
            out.append("<polygon fill=\"").append(color).append("\" fill-opacity=\"0.25\" stroke=\"none\" points=\"")
                    .append(String.format(Locale.ROOT, "%d,%.1f ", pad, zero)).append(points)
                    .append(String.format(Locale.ROOT, "%d,%.1f", width - pad, zero)).append("\"/>\n");
        }
        out.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.5\" points=\"")
                .append(points.toString().trim()).append("\"/>\n</svg>\n");
    }

    private static List<Double> drawdowns(List<Double> equity) {
        List<Double> out = new ArrayList<>(equity.size());
        double peak = equity.get(0);
        for (double e : equity) {
            peak = Math.max(peak, e);
            out.add(peak > 0 ? (e - peak) / peak : 0);
        }
        return out;
    }

    /** Compounded return per calendar month: end equity of its last session over start equity of its first. */
    private static void monthly(List<SessionResult> sessions, Appendable out) throws IOException {
        Map<YearMonth, BigDecimal[]> months = new TreeMap<>();
        for (SessionResult s : sessions) {
            BigDecimal[] m = months.computeIfAbsent(YearMonth.from(s.session()),
                    k -> new BigDecimal[] {s.startEquity(), null});
            m[1] = s.endEquity();
        }
        Map<Integer, String[]> years = new TreeMap<>();
        for (Map.Entry<YearMonth, BigDecimal[]> e : months.entrySet()) {
            double ret = e.getValue()[1].divide(e.getValue()[0], MathContext.DECIMAL64).doubleValue() - 1;
            years.computeIfAbsent(e.getKey().getYear(), y -> new String[12])[e.getKey().getMonthValue() - 1] =
                    "<td class=\"" + (ret >= 0 ? "pos" : "neg") + "\">" + percent(ret) + "</td>";
        }
        out.append("<table>\n<tr><th class=\"l\">year</th>");
        for (String m : MONTHS) {
            out.append("<th>").append(m).append("</th>");
        }
        out.append("</tr>\n");
        for (Map.Entry<Integer, String[]> y : years.entrySet()) {
            out.append("<tr><td class=\"l\">").append(Integer.toString(y.getKey())).append("</td>");
            for (String cell : y.getValue()) {
                out.append(cell == null ? "<td></td>" : cell);
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    private static void trades(List<BacktestTrade> trades, Appendable out) throws IOException {
        out.append("<table>\n<tr>");
        for (String h : TradesCsv.HEADER.split(",")) {
            out.append("<th>").append(h).append("</th>");
        }
        out.append("</tr>\n");
        for (BacktestTrade t : trades) {
            out.append("<tr><td class=\"l\">").append(t.date().toString()).append("</td><td class=\"l\">")
                    .append(escape(t.symbol().value())).append("</td><td class=\"l\">")
                    .append(t.direction().name()).append("</td><td>")
                    .append(Long.toString(t.shares())).append("</td><td>")
                    .append(t.entryPrice().toString()).append("</td><td>")
                    .append(t.stopPrice().toString()).append("</td><td>")
                    .append(Formats.time(t.fillTime())).append("</td><td>")
                    .append(Formats.plain(t.fillPrice())).append("</td><td>")
                    .append(Formats.time(t.exitTime())).append("</td><td>")
                    .append(Formats.plain(t.exitPrice())).append("</td><td class=\"l\">")
                    .append(t.exitReason().name()).append("</td><td>")
                    .append(Formats.plain(t.commission())).append("</td><td class=\"")
                    .append(t.pnl().signum() >= 0 ? "pos" : "neg").append("\">")
                    .append(Formats.plain(t.pnl())).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.2f%%", fraction * 100) : "–";
    }

    private static String ratio(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : "–";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
