package dev.orb.dashboard.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.orb.core.metrics.PerformanceReport;
import dev.orb.domain.TradeRecord;
import dev.orb.ports.query.EquityPoint;
import dev.orb.ports.query.Page;
import dev.orb.ports.query.PageRequest;
import dev.orb.ports.query.TradeFilter;

/**
 * {@code /history}: a date range, the cumulative P&amp;L curve, the statistics of {@code PerformanceMetrics}, and
 * the trade log with paging and CSV download.
 */
final class HistoryPage {
    static final int PAGE_SIZE = 50;

    private HistoryPage() {
    }

    static String render(Dashboard d, Api api, Exchange x) {
        Dashboard.Settings s = d.settings();
        LocalDate[] r = api.range(x);
        TradeFilter filter = api.tradeFilter(x).between(r[0], r[1]);
        Page<TradeRecord> page = s.audit().trades(filter, new PageRequest(
                Params.integer(x, "offset", 0, 0, 10_000_000), PAGE_SIZE));
        Optional<PerformanceReport> report = Reports.range(s.trading().dailyMetrics(r[0], r[1]),
                s.trading().trades(r[0], r[1]));
        List<EquityPoint> curve = s.audit().equityCurve(r[0], r[1]);
        String b = Html.escape(x.base());
        Map<String, String> keep = Pages.keep(x, "symbol", "side", "status");
        keep.put("from", r[0].toString());
        keep.put("to", r[1].toString());
        StringBuilder h = new StringBuilder(10_000);
        h.append("<section class=\"card\"><h1>History</h1>\n<form id=\"history-filters\" class=\"filters\" ")
                .append("method=\"get\" action=\"").append(b).append("history\">")
                .append("<label>From <input type=\"date\" name=\"from\" value=\"").append(r[0]).append("\"></label>\n")
                .append("<label>To <input type=\"date\" name=\"to\" value=\"").append(r[1]).append("\"></label>\n")
                .append(Pages.input(x, "symbol", "Ticker", "text", "any"))
                .append(Pages.select(x, "side", "Side", "LONG", "SHORT"))
                .append("<button type=\"submit\">Show</button></form>\n</section>\n");
        metrics(h, report);
        h.append("<section class=\"card\"><h2>Cumulative P&amp;L</h2><div id=\"equity-chart\" class=\"chart\" ")
                .append("data-src=\"").append(b).append("api/equity").append(Pages.query(Map.of("from",
                        r[0].toString(), "to", r[1].toString()))).append("\"></div>\n<details><summary>")
                .append(curve.size()).append(" session(s) as a table</summary><div class=\"scroll\"><table ")
                .append("id=\"equity\"><thead><tr><th>Session</th><th class=\"num\">Equity</th><th class=\"num\">")
                .append("P&amp;L</th><th class=\"num\">Cumulative</th><th class=\"num\">Drawdown</th></tr></thead><tbody>");
        for (EquityPoint p : curve) {
            h.append("<tr><td>").append(p.session()).append("</td><td class=\"num\">").append(Fmt.money(p.equity()))
                    .append("</td><td class=\"num ").append(Fmt.signClass(p.pnl())).append("\">")
                    .append(Fmt.signedMoney(p.pnl())).append("</td><td class=\"num\">")
                    .append(Fmt.signedMoney(p.cumulativePnl())).append("</td><td class=\"num\">")
                    .append(Fmt.money(p.drawdown())).append("</td></tr>");
        }
        h.append("</tbody></table></div></details></section>\n");
        trades(h, b, page, keep);
        return Layout.page(d, x, "history", "History", h.toString());
    }

    private static void metrics(StringBuilder h, Optional<PerformanceReport> report) {
        h.append("<section class=\"card\"><h2>Performance</h2>");
        if (report.isEmpty()) {
            h.append("<p class=\"muted\" id=\"metrics-empty\">No sessions recorded in this range.</p></section>\n");
            return;
        }
        PerformanceReport r = report.get();
        BigDecimal total = r.endEquity().subtract(r.startEquity());
        h.append("<dl id=\"metrics\" class=\"stats\">")
                .append(stat("total-pnl", "Total P&amp;L", Fmt.signedMoney(total)))
                .append(stat("trades", "Trades", Integer.toString(r.trades())))
                .append(stat("win-rate", "Win rate", Fmt.percent(r.winRate())))
                .append(stat("sharpe", "Sharpe", Fmt.stat(r.sharpe())))
                .append(stat("sortino", "Sortino", Fmt.stat(r.sortino())))
                .append(stat("max-drawdown", "Max drawdown", Fmt.percent(r.maxDrawdown())))
                .append(stat("avg-win", "Average win", Fmt.money(r.avgWin())))
                .append(stat("avg-loss", "Average loss", Fmt.money(r.avgLoss())))
                .append(stat("profit-factor", "Profit factor", Fmt.stat(r.profitFactor())))
                .append(stat("sessions", "Sessions", Integer.toString(r.sessions())))
                .append("</dl></section>\n");
    }

    private static String stat(String id, String label, String value) {
        return "<div><dt>" + label + "</dt><dd id=\"m-" + id + "\">" + Html.escape(value) + "</dd></div>";
    }

    private static void trades(StringBuilder h, String b, Page<TradeRecord> page, Map<String, String> keep) {
        h.append("<section class=\"card\"><h2>Trades <span class=\"muted\" id=\"trade-count\">").append(page.total())
                .append("</span></h2><p><a id=\"csv-link\" class=\"button\" href=\"").append(b).append("history.csv")
                .append(Pages.query(keep)).append("\" download>Download CSV</a></p>")
                .append("<div class=\"scroll\"><table id=\"trades\"><thead><tr><th>Date</th><th>Ticker</th>")
                .append("<th>Side</th><th class=\"num\">Shares</th><th class=\"num\">Entry</th><th class=\"num\">Exit")
                .append("</th><th class=\"num\">P&amp;L</th><th class=\"num\">Duration</th><th>Exit reason</th></tr>")
                .append("</thead><tbody>");
        if (page.items().isEmpty()) {
            h.append("<tr class=\"empty\"><td colspan=\"9\">No trades in this range.</td></tr>");
        }
        for (TradeRecord t : page.items()) {
            h.append("<tr data-symbol=\"").append(Html.escape(t.symbol().value())).append("\"><td>").append(t.session())
                    .append("</td><td>").append(Html.escape(t.symbol().value())).append("</td><td>")
                    .append(t.direction()).append("</td><td class=\"num\">").append(t.shares())
                    .append("</td><td class=\"num\">").append(Fmt.exact(t.fillPrice()))
                    .append("</td><td class=\"num\">").append(Fmt.exact(t.exitPrice()))
                    .append("</td><td class=\"num ").append(Fmt.signClass(t.pnl())).append("\">")
                    .append(Fmt.signedMoney(t.pnl())).append("</td><td class=\"num\">")
                    .append(t.exitTime() == null ? "open" : duration(Duration.between(t.fillTime(), t.exitTime())))
                    .append("</td><td>").append(t.exitReason() == null ? "–" : t.exitReason().name())
                    .append("</td></tr>");
        }
        h.append("</tbody></table></div>");
        pager(h, b + "history", page, keep);
        h.append("</section>\n");
    }

    /** Previous/next links keeping the filters. */
    static void pager(StringBuilder h, String path, Page<?> page, Map<String, String> keep) {
        int offset = page.request().offset();
        int limit = page.request().limit();
        h.append("<nav class=\"pager\">");
        if (offset > 0) {
            Map<String, String> q = new java.util.LinkedHashMap<>(keep);
            q.put("offset", Integer.toString(Math.max(0, offset - limit)));
            h.append("<a rel=\"prev\" href=\"").append(path).append(Pages.query(q)).append("\">← Newer</a> ");
        }
        if (!page.items().isEmpty()) {
            h.append("<span class=\"muted\">").append(offset + 1).append("–").append(offset + page.items().size())
                    .append(" of ").append(page.total()).append("</span> ");
        }
        if (page.hasNext()) {
            Map<String, String> q = new java.util.LinkedHashMap<>(keep);
            q.put("offset", Integer.toString(offset + limit));
            h.append("<a rel=\"next\" href=\"").append(path).append(Pages.query(q)).append("\">Older →</a>");
        }
        h.append("</nav>");
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(java.util.Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60)
                : String.format(java.util.Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
}
