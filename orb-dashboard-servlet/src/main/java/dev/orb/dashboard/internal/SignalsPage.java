package dev.orb.dashboard.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;

import dev.orb.domain.Fill;
import dev.orb.domain.OrderRecord;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.SignalRecord;
import dev.orb.ports.query.SignalChain;

/**
 * {@code /signals}: the day's signals (newest first, at most 50) with their confidence (RVOL and rank), status,
 * and the signal → order → fill chain with its latencies; filters by date, ticker, side and status.
 */
final class SignalsPage {
    private SignalsPage() {
    }

    static String render(Dashboard d, Api api, Exchange x) {
        LocalDate date = Params.date(x, "date", d.today());
        List<SignalChain> chains = api.signalChains(x, date);
        String b = Html.escape(x.base());
        StringBuilder h = new StringBuilder(8000);
        h.append("<section class=\"card\"><h1>Signals of <span id=\"signals-date\">").append(date)
                .append("</span></h1>\n<form id=\"signal-filters\" class=\"filters\" method=\"get\" action=\"")
                .append(b).append("signals\">")
                .append("<label>Date <input type=\"date\" name=\"date\" value=\"").append(date).append("\"></label>\n")
                .append(Pages.input(x, "symbol", "Ticker", "text", "AAPL"))
                .append(Pages.select(x, "side", "Side", "LONG", "SHORT"))
                .append(Pages.select(x, "status", "Status", "ACTIVE", "SUBMITTED", "REJECTED", "SKIPPED"))
                .append("<button type=\"submit\">Filter</button></form>\n")
                .append("<p id=\"signals-notice\" class=\"flash\" hidden>New signals or fills arrived. <a href=\"")
                .append(b).append("signals").append(Pages.query(Pages.keep(x, "date", "symbol", "side", "status")))
                .append("\">Refresh</a></p>\n")
                .append("<div class=\"scroll\"><table id=\"signals\"><thead><tr><th>Time</th><th>Ticker</th>")
                .append("<th>Side</th><th class=\"num\">Rank</th><th class=\"num\">RVOL</th><th class=\"num\">Entry</th>")
                .append("<th class=\"num\">Stop</th><th class=\"num\">Shares</th><th>Status</th><th>Order</th>")
                .append("<th class=\"num\">Filled</th><th class=\"num\">Signal→ack</th><th class=\"num\">Ack→fill</th>")
                .append("<th class=\"num\">Signal→fill</th><th>Chain</th></tr></thead><tbody>");
        if (chains.isEmpty()) {
            h.append("<tr class=\"empty\"><td colspan=\"15\">No signals match.</td></tr>");
        }
        for (SignalChain c : chains) {
            row(d, h, c);
        }
        h.append("</tbody></table></div></section>\n");
        return Layout.page(d, x, "signals", "Signals", h.toString());
    }

    private static void row(Dashboard d, StringBuilder h, SignalChain c) {
        SignalRecord s = c.signal();
        OrderRecord o = c.order().orElse(null);
        String status = Api.isActive(c) ? "ACTIVE" : s.status().name();
        h.append("<tr data-symbol=\"").append(Html.escape(s.symbol().value())).append("\" data-status=\"")
                .append(status).append("\"><td>").append(Fmt.time(s.createdAt())).append("</td><td>")
                .append(Html.escape(s.symbol().value())).append("</td><td>").append(s.direction())
                .append("</td><td class=\"num\">").append(s.rank()).append("</td><td class=\"num\">")
                .append(Fmt.stat(s.rvol())).append("</td><td class=\"num\">")
                .append(s.entry() == null ? "–" : s.entry().toString()).append("</td><td class=\"num\">")
                .append(s.stop() == null ? "–" : s.stop().toString()).append("</td><td class=\"num\">")
                .append(s.shares()).append("</td><td class=\"status\">").append(status);
        if (!s.reason().isEmpty()) {
            h.append("<br><span class=\"muted reason\">").append(Html.escape(d.views().text(s.reason())))
                    .append("</span>");
        }
        h.append("</td><td>").append(o == null ? "–" : o.status().name());
        if (o != null && o.rejectReason() != null) {
            h.append("<br><span class=\"muted reason\">").append(Html.escape(d.views().text(o.rejectReason())))
                    .append("</span>");
        }
        h.append("</td><td class=\"num\">").append(filled(c)).append("</td>")
                .append(latency(c.signalToAckMillis())).append(latency(c.ackToFillMillis()))
                .append(latency(c.signalToFillMillis())).append("<td>");
        if (c.events().isEmpty()) {
            h.append("–");
        } else {
            h.append("<details><summary>").append(c.events().size()).append(" event(s)</summary><ol class=\"chain\">");
            for (OrderUpdate e : c.events()) {
                h.append("<li><time>").append(Fmt.time(e.timestamp())).append("</time> ").append(e.type())
                        .append(' ').append(Html.escape(e.order().clientOrderId().value()));
                if (e.fill() != null) {
                    h.append(": ").append(e.fill().quantity()).append(" @ ").append(e.fill().price());
                }
                h.append("</li>");
            }
            h.append("</ol></details>");
        }
        h.append("</td></tr>");
    }

    private static String filled(SignalChain c) {
        long qty = 0;
        java.math.BigDecimal notional = java.math.BigDecimal.ZERO;
        for (Fill f : c.fills()) {
            if (f.clientOrderId().equals(c.signal().clientOrderId())) {
                qty += f.quantity();
                notional = notional.add(f.price().toBigDecimal().multiply(java.math.BigDecimal.valueOf(f.quantity())));
            }
        }
        if (qty == 0) {
            return "–";
        }
        return qty + " @ " + Fmt.exact(notional.divide(java.math.BigDecimal.valueOf(qty), 4,
                java.math.RoundingMode.HALF_EVEN));
    }

    private static String latency(OptionalLong millis) {
        return "<td class=\"num\">" + (millis.isPresent() ? millis.getAsLong() + " ms" : "–") + "</td>";
    }
}
