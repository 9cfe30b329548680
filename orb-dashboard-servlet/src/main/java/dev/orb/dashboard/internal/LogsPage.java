package dev.orb.dashboard.internal;

import java.util.Map;

import dev.orb.domain.LogRecord;
import dev.orb.ports.query.LogFilter;
import dev.orb.ports.query.Page;
import dev.orb.ports.query.PageRequest;

/**
 * {@code /logs}: a live, auto-scrolling tail of new lines (filled by {@code orb.js} from the stream, matching the
 * filters) above the search results: severity, component (logger hierarchy) and full-text filters, newest first,
 * paged.
 */
final class LogsPage {
    static final int PAGE_SIZE = 100;

    private LogsPage() {
    }

    static String render(Dashboard d, Api api, Exchange x) {
        LogFilter filter = api.logFilter(x);
        Page<LogRecord> page = d.settings().audit().logs(filter, new PageRequest(
                Params.integer(x, "offset", 0, 0, 10_000_000), PAGE_SIZE));
        String b = Html.escape(x.base());
        Map<String, String> keep = Pages.keep(x, "level", "component", "q");
        StringBuilder h = new StringBuilder(20_000);
        h.append("<section class=\"card\"><h1>Logs</h1>\n<form id=\"log-filters\" class=\"filters\" method=\"get\" ")
                .append("action=\"").append(b).append("logs\">")
                .append(Pages.select(x, "level", "At least", "TRACE", "DEBUG", "INFO", "WARN", "ERROR"))
                .append(Pages.input(x, "component", "Component", "text", "dev.orb.core"))
                .append(Pages.input(x, "q", "Search", "search", "text in the message"))
                .append("<button type=\"submit\">Search</button></form>\n</section>\n")
                .append("<section class=\"card\"><h2>Live tail</h2><div id=\"log-tail\" class=\"tail\" ")
                .append("aria-live=\"polite\" data-level=\"").append(Html.escape(x.param("level")))
                .append("\" data-component=\"").append(Html.escape(x.param("component")))
                .append("\" data-q=\"").append(Html.escape(x.param("q"))).append("\"><p class=\"muted\">New lines ")
                .append("appear here as they are logged (needs JavaScript).</p></div></section>\n")
                .append("<section class=\"card\"><h2>Results <span class=\"muted\" id=\"log-count\">")
                .append(page.total()).append("</span></h2><div class=\"scroll\"><table id=\"logs\"><thead><tr>")
                .append("<th>Time</th><th>Level</th><th>Component</th><th>Thread</th><th>Message</th></tr></thead>")
                .append("<tbody>");
        if (page.items().isEmpty()) {
            h.append("<tr class=\"empty\"><td colspan=\"5\">No log lines match.</td></tr>");
        }
        for (LogRecord r : page.items()) {
            h.append("<tr class=\"lvl-").append(Html.escape(r.level().toLowerCase(java.util.Locale.ROOT)))
                    .append("\"><td>").append(Fmt.dateTime(r.time())).append("</td><td>")
                    .append(Html.escape(d.views().text(r.level()))).append("</td><td class=\"component\">")
                    .append(Html.escape(d.views().text(r.component()))).append("</td><td>")
                    .append(Html.escape(d.views().text(r.thread()))).append("</td><td class=\"msg\">")
                    .append(Html.escape(d.views().text(r.message()))).append("</td></tr>");
        }
        h.append("</tbody></table></div>");
        HistoryPage.pager(h, b + "logs", page, keep);
        h.append("</section>\n");
        return Layout.page(d, x, "logs", "Logs", h.toString());
    }
}
