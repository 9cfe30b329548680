package dev.orb.dashboard.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.orb.core.metrics.PerformanceReport;
import dev.orb.dashboard.LiveFeed;
import dev.orb.domain.Account;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.Position;
import dev.orb.domain.TradeRecord;
import dev.orb.domain.TradingMode;

/** {@code /}: account, today's figures, the controls, open positions, the intraday P&amp;L chart and alerts. */
final class LivePage {
    private LivePage() {
    }

    static String render(Dashboard d, Api api, Exchange x) {
        Dashboard.Settings s = d.settings();
        BrokerView.Snapshot snap = s.brokerView().current();
        StringBuilder h = new StringBuilder(8000);
        h.append(Pages.flash(x));
        h.append("<p id=\"broker-error\" class=\"flash error\"").append(snap.error() == null ? " hidden" : "")
                .append('>').append(snap.error() == null ? "" : "Broker: " + Html.escape(d.views().text(snap.error())))
                .append("</p>\n");
        h.append("<div class=\"grid\">\n");
        account(h, snap);
        today(d, h, snap);
        controls(d, x, h);
        h.append("</div>\n");
        positions(d, x, h, snap.positions());
        h.append("<section class=\"card\"><h2>Intraday P&amp;L</h2><div id=\"pnl-chart\" class=\"chart\" data-src=\"")
                .append(Html.escape(x.base())).append("api/pnl/intraday\"><p class=\"muted\">The chart needs "
                        + "JavaScript; the day's P&amp;L is above.</p></div></section>\n");
        alerts(d, h, s.feed().recentAlerts());
        return Layout.page(d, x, "live", "Live", h.toString());
    }

    private static void account(StringBuilder h, BrokerView.Snapshot snap) {
        Account a = snap.account();
        BigDecimal dayPnl = a == null ? null : a.equity().subtract(a.lastEquity());
        h.append("<section class=\"card\"><h2>Account</h2><dl>")
                .append("<dt>Equity</dt><dd id=\"equity\">").append(Fmt.money(a == null ? null : a.equity()))
                .append("</dd><dt>Buying power</dt><dd id=\"buying-power\">")
                .append(Fmt.money(a == null ? null : a.buyingPower()))
                .append("</dd><dt>Day P&amp;L</dt><dd id=\"day-pnl\" class=\"").append(Fmt.signClass(dayPnl))
                .append("\">").append(Fmt.signedMoney(dayPnl))
                .append("</dd><dt>As of</dt><dd id=\"as-of\">").append(Fmt.time(snap.asOf()))
                .append("</dd></dl></section>\n");
    }

    private static void today(Dashboard d, StringBuilder h, BrokerView.Snapshot snap) {
        LocalDate today = d.today();
        List<TradeRecord> trades = d.settings().trading().trades(today, today);
        BigDecimal realized = trades.stream().filter(TradeRecord::isClosed).map(TradeRecord::pnl)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Optional<PerformanceReport> r = Reports.today(today,
                snap.account() == null ? null : snap.account().lastEquity(), trades);
        BigDecimal unrealized = BigDecimal.ZERO;
        for (Position p : snap.positions()) {
            unrealized = unrealized.add(p.unrealizedPnl());
        }
        h.append("<section class=\"card\"><h2>Today</h2><dl>")
                .append("<dt>Realized P&amp;L</dt><dd id=\"realized-pnl\" class=\"").append(Fmt.signClass(realized))
                .append("\">").append(Fmt.signedMoney(realized))
                .append("</dd><dt>Unrealized P&amp;L</dt><dd id=\"unrealized-pnl\" class=\"")
                .append(Fmt.signClass(unrealized)).append("\">").append(Fmt.signedMoney(unrealized))
                .append("</dd><dt>Trades</dt><dd id=\"trades-today\">").append(trades.size())
                .append("</dd><dt>Win rate</dt><dd id=\"win-rate\">")
                .append(r.map(x -> Fmt.percent(x.winRate())).orElse("–"))
                .append("</dd></dl></section>\n");
    }

    private static void controls(Dashboard d, Exchange x, StringBuilder h) {
        KillSwitchState k = d.killSwitch();
        TradingMode mode = d.tradingMode();
        String b = Html.escape(x.base());
        h.append("<section class=\"card controls\"><h2>Controls</h2>")
                .append("<p>Kill switch: <strong id=\"ks-state\" class=\"").append(k.engaged() ? "ks-on" : "ks-off")
                .append("\">").append(k.engaged() ? "ON" : "off").append("</strong> <span id=\"ks-detail\" "
                        + "class=\"muted\">").append(Html.escape(d.views().text(k.by()))).append(": ")
                .append(Html.escape(d.views().text(k.reason()))).append("</span></p>\n")
                .append("<p>Mode: <strong id=\"mode-state\">").append(mode.name()).append("</strong></p>\n");
        if (x.user() == null || d.settings().controls() == null) {
            h.append(x.user() == null ? "<p class=\"muted\"><a href=\"" + b + "login\">Sign in</a> to use the controls.</p>"
                    : "<p class=\"muted\">This dashboard is read-only.</p>").append("</section>\n");
            return;
        }
        String fields = Layout.formFields(x, "");
        h.append("<form id=\"ks-form\" class=\"action\" method=\"post\" action=\"").append(b)
                .append("api/system/kill-switch\">").append(fields)
                .append("<input type=\"hidden\" id=\"ks-engaged\" name=\"engaged\" value=\"")
                .append(k.engaged() ? "false" : "true").append("\">")
                .append("<input name=\"reason\" required maxlength=\"500\" placeholder=\"Reason\" "
                        + "aria-label=\"Reason\"> <button id=\"ks-button\" type=\"submit\" class=\"danger\">")
                .append(k.engaged() ? "Release kill switch" : "Engage kill switch").append("</button></form>\n");
        h.append("<form id=\"flatten-form\" class=\"action\" method=\"post\" action=\"").append(b)
                .append("api/system/flatten-all\" data-confirm=\"Flatten everything at market?\">").append(fields)
                .append("<button type=\"submit\" class=\"danger\">Flatten all</button></form>\n");
        TradingMode other = mode == TradingMode.PAPER ? TradingMode.LIVE : TradingMode.PAPER;
        h.append("<form id=\"mode-form\" class=\"action\" method=\"post\" action=\"").append(b)
                .append("api/system/trading-mode\">").append(fields)
                .append("<input type=\"hidden\" name=\"mode\" value=\"").append(other.name()).append("\">")
                .append("<label><input type=\"checkbox\" name=\"confirm\" value=\"true\" required> I confirm the "
                        + "switch to ").append(other.name()).append(" (only when flat)</label> ")
                .append("<button type=\"submit\">Switch to ").append(other.name()).append("</button></form>\n");
        h.append("<p class=\"action-result muted\" id=\"action-result\" role=\"status\"></p></section>\n");
    }

    private static void positions(Dashboard d, Exchange x, StringBuilder h, List<Position> positions) {
        boolean canAct = x.user() != null && d.settings().controls() != null;
        h.append("<section class=\"card\"><h2>Open positions</h2><div class=\"scroll\"><table id=\"positions\" ")
                .append("data-can-act=\"").append(canAct).append("\"><thead><tr><th>Ticker</th><th>Side</th>")
                .append("<th class=\"num\">Shares</th><th class=\"num\">Entry</th><th class=\"num\">Current</th>")
                .append("<th class=\"num\">P&amp;L</th><th></th></tr></thead><tbody>");
        if (positions.isEmpty()) {
            h.append("<tr class=\"empty\"><td colspan=\"7\">No open positions.</td></tr>");
        }
        String b = Html.escape(x.base());
        for (Position p : positions) {
            String sym = Html.escape(p.symbol().value());
            BigDecimal pnl = p.unrealizedPnl();
            h.append("<tr data-symbol=\"").append(sym).append("\"><td>").append(sym).append("</td><td>")
                    .append(p.direction()).append("</td><td class=\"num\">").append(p.shares())
                    .append("</td><td class=\"num\">").append(Fmt.exact(p.avgEntryPrice()))
                    .append("</td><td class=\"num\">").append(Fmt.exact(p.currentPrice()))
                    .append("</td><td class=\"num ").append(Fmt.signClass(pnl)).append("\">")
                    .append(Fmt.signedMoney(pnl)).append("</td><td>");
            if (canAct) {
                h.append("<form class=\"action inline\" method=\"post\" action=\"").append(b)
                        .append("api/system/force-close\" data-confirm=\"Close ").append(sym)
                        .append(" at market?\">").append(Layout.formFields(x, ""))
                        .append("<input type=\"hidden\" name=\"symbol\" value=\"").append(sym)
                        .append("\"><button type=\"submit\" class=\"small danger\">Force close</button></form>");
            }
            h.append("</td></tr>");
        }
        h.append("</tbody></table></div></section>\n");
    }

    private static void alerts(Dashboard d, StringBuilder h, List<LiveFeed.Alert> alerts) {
        h.append("<section class=\"card\"><h2>Alerts</h2><ul id=\"alerts\" class=\"alerts\">");
        if (alerts.isEmpty()) {
            h.append("<li class=\"empty muted\">No alerts.</li>");
        }
        for (LiveFeed.Alert a : alerts) {
            h.append("<li class=\"sev-").append(a.severity().toLowerCase(java.util.Locale.ROOT)).append("\"><time>")
                    .append(Fmt.time(a.at())).append("</time> <span class=\"sev\">").append(Html.escape(a.severity()))
                    .append("</span> <span class=\"msg\">").append(Html.escape(d.views().text(a.message())))
                    .append("</span></li>");
        }
        h.append("</ul></section>\n");
    }
}
