package dev.orb.dashboard.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server-rendered pages: {@code /} (live), {@code /signals}, {@code /history} (and its CSV), {@code /logs}.
 * Each page is complete without JavaScript; {@code orb.js} adds the live stream, the charts and in-place actions.
 */
final class Pages {
    private final Dashboard d;
    private final Api api;

    Pages(Dashboard d, Api api) {
        this.d = d;
        this.api = api;
    }

    void render(Exchange x) throws IOException {
        switch (x.path()) {
            case "/" -> x.html(200, LivePage.render(d, api, x));
            case "/signals" -> x.html(200, SignalsPage.render(d, api, x));
            case "/history" -> x.html(200, HistoryPage.render(d, api, x));
            case "/history.csv" -> api.csv(x);
            case "/logs" -> x.html(200, LogsPage.render(d, api, x));
            default -> throw ApiError.notFound("there is no page at " + x.path());
        }
    }

    /** The flash message of a {@code done} code, escaped, or the empty string. */
    static String flash(Exchange x) {
        String done = x.param("done");
        String message = done == null ? null : Dashboard.DONE.get(done);
        return message == null ? "" : "<p id=\"flash\" class=\"flash\">" + Html.escape(message) + "</p>\n";
    }

    /** A query string ({@code ?a=1&b=2}, escaped for an attribute) of the non-null values. */
    static String query(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                continue;
            }
            b.append(b.length() == 0 ? "?" : "&amp;").append(Html.queryValue(e.getKey())).append('=')
                    .append(Html.queryValue(e.getValue()));
        }
        return b.toString();
    }

    /** The request's values of {@code names}, in order, for links that keep the filters. */
    static Map<String, String> keep(Exchange x, String... names) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : names) {
            m.put(n, x.param(n));
        }
        return m;
    }

    /** A text input of a filter form, holding the request's value. */
    static String input(Exchange x, String name, String label, String type, String placeholder) {
        return "<label>" + Html.escape(label) + " <input type=\"" + type + "\" name=\"" + name + "\" value=\""
                + Html.escape(x.param(name)) + "\" placeholder=\"" + Html.escape(placeholder) + "\"></label>\n";
    }

    /** A select of a filter form; the first option is "any" (empty value). */
    static String select(Exchange x, String name, String label, String... options) {
        String current = x.param(name);
        StringBuilder b = new StringBuilder("<label>").append(Html.escape(label)).append(" <select name=\"")
                .append(name).append("\"><option value=\"\">any</option>");
        for (String o : options) {
            b.append("<option");
            if (o.equalsIgnoreCase(current == null ? "" : current)) {
                b.append(" selected");
            }
            b.append('>').append(Html.escape(o)).append("</option>");
        }
        return b.append("</select></label>\n").toString();
    }
}
