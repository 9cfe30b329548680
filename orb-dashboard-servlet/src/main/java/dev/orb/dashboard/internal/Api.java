package dev.orb.dashboard.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.orb.dashboard.ControlResult;
import dev.orb.dashboard.DashboardControls;
import dev.orb.dashboard.ServiceReport;
import dev.orb.domain.Direction;
import dev.orb.domain.KillSwitchState;
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
            case "/api/positions" -> x.json(200, this::positions);
            case "/api/account" -> x.json(200, this::account);
            case "/api/system/state" -> x.json(200, o -> systemState(o, x));
            case "/api/trades" -> {
                var page = s.audit().trades(tradeFilter(x), page(x, 50));
                x.json(200, o -> d.views().page(o, page, d.views()::trade));
            }
            case "/api/trades.csv" -> csv(x);
            case "/api/signals" -> signals(x);
            case "/api/metrics" -> metrics(x);
            case "/api/equity" -> equity(x);
            case "/api/pnl/intraday" -> x.json(200, this::intraday);
            case "/api/logs" -> {
                var page = s.audit().logs(logFilter(x), page(x, 100));
                x.json(200, o -> d.views().page(o, page, d.views()::log));
            }
            case "/api/csrf" -> csrf(x);
            case "/api/stream" -> stream(x);
            case "/api/scanner/today" -> {
                var page = s.audit().openingRangePage(Params.date(x, "date", d.today()), Params.bool(x, "candidates"),
                        page(x, 100));
                x.json(200, o -> d.views().page(o, page, d.views()::openingRange));
            }
            case "/api/scanner/universe" -> {
                var page = s.audit().universePage(Params.date(x, "date", d.today()), page(x, 100));
                x.json(200, o -> d.views().page(o, page, d.views()::dailyStats));
            }
            case "/api/scanner/health" -> {
                ServiceReport r = controls().scannerHealth();
                x.json(200, o -> report(o, r));
            }
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
        // before the answer is written: a client that reads right after it must not get an answer kept before
        s.cache().invalidate();
        if (!result.accepted()) {
            throw new ApiError(409, "refused", d.views().text(result.message()));
        }
        if (x.isFormPost()) {
            String back = x.param("return");
            String page = back != null && List.of("signals", "history", "logs").contains(back) ? back : "";
            x.redirect(page + "?done=" + done);
            return;
        }
        String message = d.views().text(result.message());
        KillSwitchState killSwitch = d.killSwitch();
        String mode = d.tradingMode().name();
        x.json(200, o -> {
            o.startObject().bool("ok", true).string("message", message).startObject("details");
            result.details().forEach((k, v) -> o.string(k, d.views().text(v)));
            o.endObject();
            d.views().killSwitch(o.field("killSwitch"), killSwitch);
            o.string("mode", mode).endObject();
        });
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

    private void report(JsonOut o, ServiceReport r) {
        o.startObject().bool("ok", r.ok()).string("message", d.views().text(r.message())).startObject("details");
        r.details().forEach((k, v) -> o.string(k, d.views().text(v)));
        o.endObject().endObject();
    }

    void positions(JsonOut o) {
        BrokerView.Snapshot snap = s.brokerView().current();
        o.startObject().time("asOf", snap.asOf());
        d.views().positions(o, "positions", snap.positions());
        o.string("error", d.views().text(snap.error())).endObject();
    }

    void account(JsonOut o) {
        BrokerView.Snapshot snap = s.brokerView().current();
        o.startObject().time("asOf", snap.asOf());
        if (snap.account() == null) {
            o.nullField("account");
        } else {
            d.views().account(o.field("account"), snap.account());
        }
        o.string("mode", d.tradingMode().name());
        d.views().killSwitch(o.field("killSwitch"), d.killSwitch());
        o.string("error", d.views().text(snap.error())).endObject();
    }

    /** The push of every second: positions, account, day P&amp;L, kill switch, mode. */
    void livePush(JsonOut o, BrokerView.Snapshot snap) {
        o.startObject().time("at", s.clock().now()).time("asOf", snap.asOf());
        d.views().positions(o, "positions", snap.positions());
        java.math.BigDecimal unrealized = java.math.BigDecimal.ZERO;
        for (Position p : snap.positions()) {
            unrealized = unrealized.add(p.unrealizedPnl());
        }
        o.money("unrealizedPnl", unrealized);
        if (snap.account() == null) {
            o.nullField("account");
        } else {
            d.views().account(o.field("account"), snap.account());
        }
        d.views().killSwitch(o.field("killSwitch"), d.killSwitch());
        o.string("mode", d.tradingMode().name()).string("error", d.views().text(snap.error())).endObject();
    }

    private void systemState(JsonOut o, Exchange x) {
        o.startObject();
        d.views().killSwitch(o.field("killSwitch"), d.killSwitch());
        o.string("mode", d.tradingMode().name())
                .bool("controls", s.controls() != null)
                .bool("authenticated", x.user() != null)
                .number("lastEventId", s.bus().lastId())
                .endObject();
    }

    private void csrf(Exchange x) throws IOException {
        if (x.user() == null) {
            s.auth().challenge(x.response());
            throw new ApiError(401, "unauthorized", "a CSRF token is only issued to an authenticated user");
        }
        x.json(200, o -> o.startObject().string("token", x.csrfToken()).string("header", Csrf.HEADER)
                .string("field", Csrf.FIELD).endObject());
    }

    private void signals(Exchange x) throws IOException {
        LocalDate date = Params.date(x, "date", d.today());
        List<SignalChain> chains = signalChains(x, date);
        x.json(200, o -> {
            o.startObject().date("date", date).startArray("signals");
            chains.forEach(c -> d.views().chain(o, c));
            o.endArray().endObject();
        });
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

    private void metrics(Exchange x) throws IOException {
        LocalDate[] r = range(x);
        List<TradeRecord> trades = s.trading().trades(r[0], r[1]);
        var report = Reports.range(s.trading().dailyMetrics(r[0], r[1]), trades);
        BrokerView.Snapshot snap = s.brokerView().current();
        LocalDate today = d.today();
        // today's trades are already among the range's when it includes today (the port sorts by session, then
        // symbol, so the filtered list is what a query of today alone gives): one query less
        List<TradeRecord> todays = today.isBefore(r[0]) || today.isAfter(r[1]) ? s.trading().trades(today, today)
                : trades.stream().filter(t -> t.session().equals(today)).toList();
        var todayReport = Reports.today(today, snap.account() == null ? null : snap.account().lastEquity(), todays);
        x.json(200, o -> {
            o.startObject().date("from", r[0]).date("to", r[1]);
            if (report.isPresent()) {
                d.views().report(o.field("report"), report.get());
            } else {
                o.nullField("report");
            }
            if (todayReport.isPresent()) {
                d.views().report(o.field("today"), todayReport.get());
            } else {
                o.nullField("today");
            }
            o.endObject();
        });
    }

    private void equity(Exchange x) throws IOException {
        LocalDate[] r = range(x);
        var points = s.audit().equityCurve(r[0], r[1]);
        x.json(200, o -> {
            o.startObject().startArray("points");
            points.forEach(p -> d.views().equityPoint(o, p));
            o.endArray().endObject();
        });
    }

    private void intraday(JsonOut o) {
        o.startObject().startArray("points");
        for (IntradaySeries.Sample p : s.intraday().samples()) {
            o.startObject().time("at", p.at()).money("dayPnl", p.dayPnl()).endObject();
        }
        o.endArray().endObject();
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
