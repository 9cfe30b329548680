package dev.orb.dashboard.internal;

import dev.orb.domain.KillSwitchState;
import dev.orb.domain.TradingMode;

/**
 * The frame of every page: head (styles and scripts from the jar, no inline script), the header with navigation,
 * the mode and kill-switch badges and the user, and the footer. Everything from outside is escaped with
 * {@link Html#escape}.
 */
public final class Layout {
    private static final String[][] NAV = {
        {"", "live", "Live"},
        {"signals", "signals", "Signals"},
        {"history", "history", "History"},
        {"logs", "logs", "Logs"},
    };

    private Layout() {
    }

    /**
     * A whole page.
     *
     * @param page  the page id: live, signals, history, logs or error
     * @param title the page's own title (a constant)
     * @param body  the main content, already escaped
     */
    public static String page(Dashboard d, Exchange x, String page, String title, String body) {
        String b = Html.escape(x.base());
        StringBuilder h = new StringBuilder(body.length() + 3000);
        h.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"same-origin\">\n");
        if (x.csrfToken() != null) {
            h.append("<meta name=\"csrf-token\" content=\"").append(Html.escape(x.csrfToken())).append("\">\n");
        }
        h.append("<title>").append(Html.escape(d.title())).append(" · ").append(Html.escape(title)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(b).append("assets/uPlot.min.css\">\n")
                .append("<link rel=\"stylesheet\" href=\"").append(b).append("assets/orb.css\">\n")
                .append("<script src=\"").append(b).append("assets/uPlot.iife.min.js\" defer></script>\n")
                .append("<script src=\"").append(b).append("assets/orb.js\" defer></script>\n")
                .append("</head>\n<body data-page=\"").append(page).append("\" data-base=\"").append(b).append("\">\n");
        header(d, x, page, h);
        h.append("<main>\n").append(body).append("</main>\n<footer><span>")
                .append(Html.escape(d.title())).append(" dashboard · times in New York · page built ")
                .append(Html.escape(Fmt.dateTime(d.clock().now())))
                .append("</span> <span id=\"stream-status\" class=\"muted\">live updates off</span></footer>\n")
                .append("</body>\n</html>\n");
        return h.toString();
    }

    private static void header(Dashboard d, Exchange x, String page, StringBuilder h) {
        String b = Html.escape(x.base());
        h.append("<header class=\"top\">\n<a class=\"brand\" href=\"").append(b).append("\">")
                .append(Html.escape(d.title())).append("</a>\n<nav>");
        for (String[] n : NAV) {
            h.append("<a href=\"").append(b).append(n[0]).append('"');
            if (n[1].equals(page)) {
                h.append(" aria-current=\"page\"");
            }
            h.append('>').append(n[2]).append("</a>");
        }
        h.append("</nav>\n");
        TradingMode mode = d.tradingMode();
        h.append("<span id=\"mode-badge\" class=\"badge mode-").append(mode.name().toLowerCase(java.util.Locale.ROOT))
                .append("\">").append(mode.name()).append("</span>\n");
        KillSwitchState k = d.killSwitch();
        h.append("<span id=\"ks-badge\" class=\"badge ").append(k.engaged() ? "ks-on" : "ks-off").append("\">")
                .append(k.engaged() ? "Kill switch ON" : "Kill switch off").append("</span>\n");
        if (x.user() != null) {
            h.append("<span class=\"user\">").append(Html.escape(x.user())).append("</span>\n");
        } else {
            h.append("<a class=\"user\" href=\"").append(b).append("login\">Sign in</a>\n");
        }
        h.append("</header>\n");
    }

    /** A hidden CSRF field and the page to return to, for a form posting an action. */
    public static String formFields(Exchange x, String returnPage) {
        return "<input type=\"hidden\" name=\"" + Csrf.FIELD + "\" value=\"" + Html.escape(x.csrfToken()) + "\">"
                + "<input type=\"hidden\" name=\"return\" value=\"" + Html.escape(returnPage) + "\">";
    }

    /** An error page (status and message), with a link back. */
    public static String error(Dashboard d, Exchange x, int status, String message) {
        String body = "<section class=\"card error\"><h1>" + status + "</h1><p id=\"error-message\">"
                + Html.escape(message) + "</p><p><a href=\"" + Html.escape(x.base()) + "\">Back to the dashboard</a>"
                + "</p></section>\n";
        return page(d, x, "error", "Error " + status, body);
    }
}
