package dev.orb.dashboard.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orb.dashboard.ControlResult;
import dev.orb.dashboard.DashboardControls;
import dev.orb.dashboard.ServiceReport;
import dev.orb.domain.Direction;
import dev.orb.domain.Position;
import dev.orb.domain.SignalStatus;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradeRecord;
import dev.orb.domain.TradingMode;
import dev.orb.ports.query.LogFilter;
import dev.orb.ports.query.PageRequest;
import dev.orb.ports.query.SignalChain;
import dev.orb.ports.query.TradeFilter;
import dev.orb.ports.query.TradeStatus;

/** The JSON API: reads under {@code GET /api/…}, actions under {@code POST /api/…}. */
final class Api {
    /** Longest reason or free text an action accepts. */
    static final int MAX_TEXT = 500;
    /** Signals listed at most. */
    static final int SIGNALS_SHOWN = 50;
    /** Default history range, in days before today. */
    static final int DEFAULT_HISTORY_DAYS = 90;

    private final Dashboard d;
    private final Dashboard.Settings s;

    Api(Dashboard d) {
        this.d = d;
        this.s = d.settings();
    }

    void read(Exchange x) throws IOException {
        switch (x.path()) {
            case "/api/positions" -> x.json(200, positions());
            case "/api/account" -> x.json(200, account());
            case "/api/system/state" -> x.json(200, systemState(x));
            case "/api/trades" -> x.json(200, d.views().page(s.audit().trades(tradeFilter(x), page(x, 50)),
                    d.views()::trade));
            case "/api/trades.csv" -> csv(x);
            case "/api/signals" -> x.json(200, signals(x));
            case "/api/metrics" -> x.json(200, metrics(x));
            case "/api/equity" -> x.json(200, equity(x));
            case "/api/pnl/intraday" -> x.json(200, intraday());
            case "/api/logs" -> x.json(200, d.views().page(s.audit().logs(logFilter(x), page(x, 100)),
                    d.views()::log));
            case "/api/csrf" -> x.json(200, csrf(x));
            case "/api/stream" -> stream(x);
            case "/api/scanner/today" -> x.json(200, d.views().page(s.audit().openingRangePage(
                    Params.date(x, "date", d.today()), Params.bool(x, "candidates"), page(x, 100)),
                    d.views()::openingRange));
            case "/api/scanner/universe" -> x.json(200, d.views().page(s.audit().universePage(
                    Params.date(x, "date", d.today()), page(x, 100)), d.views()::dailyStats));
            case "/api/scanner/health" -> x.json(200, report(controls().scannerHealth()));
            default -> throw ApiError.notFound("no API at " + x.path());
        }
    }

    void action(Exchange x) throws IOException {
        DashboardControls c;
        ControlResult result;
        String done;
        switch (x.path()) {
            case "/api/system/kill-switch" -> {
                c = controls();
                String engaged = x.param("engaged");
                if (engaged == null || !(engaged.equals("true") || engaged.equals("false"))) {
                    throw ApiError.badRequest("engaged: required, true or false");
                }
                String reason = Params.text(x, "reason", MAX_TEXT);
                result = engaged.equals("true") ? c.engageKillSwitch(x.operator(), reason)
                        : c.releaseKillSwitch(x.operator(), reason);
                done = "kill-switch";
            }
            case "/api/system/flatten-all" -> {
                result = controls().flattenAll(x.operator());
                done = "flatten";
            }
            case "/api/system/force-close" -> {
                c = controls();
                Symbol symbol = Params.symbol(x, "symbol");
                if (symbol == null) {
                    throw ApiError.badRequest("symbol: required");
                }
                result = c.forceClose(symbol, x.operator());
                done = "force-close";
            }
            case "/api/system/trading-mode" -> {
                c = controls();
                TradingMode mode = Params.enumValue(x, "mode", TradingMode.class);
                if (mode == null) {
                    throw ApiError.badRequest("mode: required, PAPER or LIVE");
                }
                result = c.switchTradingMode(mode, Params.bool(x, "confirm"), x.operator());
                done = "mode";
            }
            case "/api/scanner/run" -> {
                result = fromReport(controls().runScan(x.operator()));
                done = "scan";
            }
            case "/api/scanner/sync" -> {
                result = fromReport(controls().syncMarketData(x.operator()));
                done = "sync";
            }
            case "/api/scanner/cleanup" -> {
                result = cleanup();
                done = "cleanup";
            }
            default -> throw ApiError.notFound("no action at " + x.path());
        }
        if (!result.accepted()) {
            throw new ApiError(409, "refused", d.views().text(result.message()));
        }
        if (x.isFormPost()) {
            String back = x.param("return");
            String page = back != null && List.of("signals", "history", "logs").contains(back) ? back : "";
            x.redirect(page + "?done=" + done);
            return;
        }
        ObjectNode n = Json.object();
        n.put("ok", true);
        n.put("message", d.views().text(result.message()));
        ObjectNode details = n.putObject("details");
        result.details().forEach((k, v) -> details.put(k, d.views().text(v)));
        n.set("killSwitch", d.views().killSwitch(d.killSwitch()));
        n.put("mode", d.tradingMode().name());
        x.json(200, n);
    }

    private DashboardControls controls() {
        if (s.controls() == null) {
            throw new ApiError(503, "no_controls", "this dashboard is read-only: no controls are configured");
        }
        return s.controls();
    }

    private ControlResult cleanup() {
        if (s.maintenance() == null || s.market() == null) {
            throw new ApiError(503, "no_maintenance", "clean-up is not configured in this application");
        }
        Instant now = s.clock().now();
        Instant logCutoff = now.minus(s.logRetention());
        LocalDate barCutoff = d.today().minusDays(s.barRetentionDays());
        int logs = s.maintenance().deleteLogsBefore(logCutoff);
        int bars = s.market().deleteDailyBarsBefore(barCutoff);
        return ControlResult.accepted("deleted " + logs + " log line(s) before " + logCutoff + " and " + bars
                + " daily bar(s) before " + barCutoff)
                .with("logsDeleted", Integer.toString(logs)).with("barsDeleted", Integer.toString(bars));
    }

    private static ControlResult fromReport(ServiceReport r) {
        return new ControlResult(r.ok(), r.message(), r.details());
    }

    private ObjectNode report(ServiceReport r) {
        ObjectNode n = Json.object();
        n.put("ok", r.ok());
        n.put("message", d.views().text(r.message()));
        ObjectNode details = n.putObject("details");
        r.details().forEach((k, v) -> details.put(k, d.views().text(v)));
        return n;
    }

    ObjectNode positions() {
        BrokerView.Snapshot snap = s.brokerView().current();
        ObjectNode n = Json.object();
        Json.time(n, "asOf", snap.asOf());
        n.set("positions", d.views().positions(snap.positions()));
        n.put("error", d.views().text(snap.error()));
        return n;
    }

    ObjectNode account() {
        BrokerView.Snapshot snap = s.brokerView().current();
        ObjectNode n = Json.object();
        Json.time(n, "asOf", snap.asOf());
        if (snap.account() == null) {
            n.putNull("account");
        } else {
            n.set("account", d.views().account(snap.account()));
        }
        n.put("mode", d.tradingMode().name());
        n.set("killSwitch", d.views().killSwitch(d.killSwitch()));
        n.put("error", d.views().text(snap.error()));
        return n;
    }

    /** The push of every second: positions, account, day P&amp;L, kill switch, mode. */
    ObjectNode livePush(BrokerView.Snapshot snap) {
        ObjectNode n = Json.object();
        Json.time(n, "at", s.clock().now());
        Json.time(n, "asOf", snap.asOf());
        n.set("positions", d.views().positions(snap.positions()));
        java.math.BigDecimal unrealized = java.math.BigDecimal.ZERO;
        for (Position p : snap.positions()) {
            unrealized = unrealized.add(p.unrealizedPnl());
        }
        Json.money(n, "unrealizedPnl", unrealized);
        if (snap.account() == null) {
            n.putNull("account");
        } else {
            n.set("account", d.views().account(snap.account()));
        }
        n.set("killSwitch", d.views().killSwitch(d.killSwitch()));
        n.put("mode", d.tradingMode().name());
        n.put("error", d.views().text(snap.error()));
        return n;
    }

    private ObjectNode systemState(Exchange x) {
        ObjectNode n = Json.object();
        n.set("killSwitch", d.views().killSwitch(d.killSwitch()));
        n.put("mode", d.tradingMode().name());
        n.put("controls", s.controls() != null);
        n.put("authenticated", x.user() != null);
        n.put("lastEventId", s.bus().lastId());
        return n;
    }

    private ObjectNode csrf(Exchange x) {
        if (x.user() == null) {
            s.auth().challenge(x.response());
            throw new ApiError(401, "unauthorized", "a CSRF token is only issued to an authenticated user");
        }
        ObjectNode n = Json.object();
        n.put("token", x.csrfToken());
        n.put("header", Csrf.HEADER);
        n.put("field", Csrf.FIELD);
        return n;
    }

    private ObjectNode signals(Exchange x) {
        LocalDate date = Params.date(x, "date", d.today());
        ObjectNode n = Json.object();
        Json.date(n, "date", date);
        ArrayNode a = n.putArray("signals");
        signalChains(x, date).forEach(c -> a.add(d.views().chain(c)));
        return n;
    }

    /** The signals of {@code date} matching the filters (symbol, side, status), newest first, at most 50. */
    List<SignalChain> signalChains(Exchange x, LocalDate date) {
        Symbol symbol = Params.symbol(x, "symbol");
        Direction side = Params.direction(x, "side");
        String status = x.param("status");
        if (status != null) {
            status = status.toUpperCase(Locale.ROOT);
            if (!status.equals("ACTIVE") && List.of(SignalStatus.values()).stream().noneMatch(
                    v -> v.name().equals(x.param("status").toUpperCase(Locale.ROOT)))) {
                throw ApiError.badRequest("status: must be one of ACTIVE, SUBMITTED, REJECTED, SKIPPED");
            }
        }
        String st = status;
        return s.audit().signalChains(date).stream()
                .filter(c -> symbol == null || c.signal().symbol().equals(symbol))
                .filter(c -> side == null || c.signal().direction() == side)
                .filter(c -> st == null || (st.equals("ACTIVE") ? isActive(c) : c.signal().status().name().equals(st)))
                .sorted(Comparator.comparing((SignalChain c) -> c.signal().createdAt()).reversed()
                        .thenComparingInt(c -> c.signal().rank()))
                .limit(SIGNALS_SHOWN)
                .toList();
    }

    /** A signal whose entry order may still fill. */
    static boolean isActive(SignalChain c) {
        return c.order().isPresent() && !c.order().get().status().isTerminal();
    }

    TradeFilter tradeFilter(Exchange x) {
        LocalDate from = Params.date(x, "from", null);
        LocalDate to = Params.date(x, "to", null);
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiError.badRequest("to: " + to + " is before from " + from);
        }
        return new TradeFilter(Params.symbol(x, "symbol"), Params.direction(x, "side"),
                Params.enumValue(x, "status", TradeStatus.class), from, to);
    }

    LogFilter logFilter(Exchange x) {
        Instant after = Params.instant(x, "after");
        Instant before = Params.instant(x, "before");
        if (after != null && before != null && !before.isAfter(after)) {
            throw ApiError.badRequest("before: must be after 'after'");
        }
        String component = x.param("component");
        String text = x.param("q");
        if ((component != null && component.length() > MAX_TEXT) || (text != null && text.length() > MAX_TEXT)) {
            throw ApiError.badRequest("component and q: at most " + MAX_TEXT + " characters");
        }
        return new LogFilter(Params.level(x, "level"), component, text, after, before);
    }

    static PageRequest page(Exchange x, int defaultLimit) {
        return new PageRequest(Params.integer(x, "offset", 0, 0, 10_000_000),
                Params.integer(x, "limit", defaultLimit, 1, PageRequest.MAX_LIMIT));
    }

    /** The history range of a request: {@code from}/{@code to}, by default the last 90 days. */
    LocalDate[] range(Exchange x) {
        LocalDate to = Params.date(x, "to", d.today());
        LocalDate from = Params.date(x, "from", to.minusDays(DEFAULT_HISTORY_DAYS));
        if (from.isAfter(to)) {
            throw ApiError.badRequest("to: " + to + " is before from " + from);
        }
        return new LocalDate[] {from, to};
    }

    private ObjectNode metrics(Exchange x) {
        LocalDate[] r = range(x);
        ObjectNode n = Json.object();
        Json.date(n, "from", r[0]);
        Json.date(n, "to", r[1]);
        var report = Reports.range(s.trading().dailyMetrics(r[0], r[1]), s.trading().trades(r[0], r[1]));
        if (report.isPresent()) {
            n.set("report", d.views().report(report.get()));
        } else {
            n.putNull("report");
        }
        BrokerView.Snapshot snap = s.brokerView().current();
        LocalDate today = d.today();
        var todays = Reports.today(today, snap.account() == null ? null : snap.account().lastEquity(),
                s.trading().trades(today, today));
        if (todays.isPresent()) {
            n.set("today", d.views().report(todays.get()));
        } else {
            n.putNull("today");
        }
        return n;
    }

    private ObjectNode equity(Exchange x) {
        LocalDate[] r = range(x);
        ObjectNode n = Json.object();
        ArrayNode a = n.putArray("points");
        s.audit().equityCurve(r[0], r[1]).forEach(p -> a.add(d.views().equityPoint(p)));
        return n;
    }

    private ObjectNode intraday() {
        ObjectNode n = Json.object();
        ArrayNode a = n.putArray("points");
        for (IntradaySeries.Sample p : s.intraday().samples()) {
            ObjectNode o = a.addObject();
            Json.time(o, "at", p.at());
            Json.money(o, "dayPnl", p.dayPnl());
        }
        return n;
    }

    private void stream(Exchange x) throws IOException {
        if (!x.request().isAsyncSupported()) {
            throw new ApiError(501, "no_async", "the live stream needs the servlet to be registered with async "
                    + "support (setAsyncSupported(true) or <async-supported>true</async-supported>)");
        }
        long last = -1;
        String header = x.request().getHeader("Last-Event-ID");
        String value = header != null ? header : x.param("lastEventId");
        if (value != null) {
            try {
                last = Math.max(0, Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("Last-Event-ID: not a number");
            }
        }
        SseClient.open(x.request(), x.response(), s.hub().get(), last, s.streamTimeout());
    }

    /** Streams every trade matching the filter as CSV, paging through the store. */
    void csv(Exchange x) throws IOException {
        TradeFilter filter = tradeFilter(x);
        x.response().setStatus(200);
        x.response().setContentType("text/csv");
        x.response().setCharacterEncoding("UTF-8");
        x.response().setHeader("Content-Disposition", "attachment; filename=\"orb-trades.csv\"");
        Writer w = new java.io.OutputStreamWriter(x.response().getOutputStream(), StandardCharsets.UTF_8);
        w.write(Csv.HEADER);
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            var p = s.audit().trades(filter, page);
            for (TradeRecord t : p.items()) {
                w.write(Csv.row(t));
            }
            if (!p.hasNext()) {
                break;
            }
            page = page.next();
        }
        w.flush();
    }
}
