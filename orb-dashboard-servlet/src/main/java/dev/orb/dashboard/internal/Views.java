package dev.orb.dashboard.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orb.core.metrics.PerformanceReport;
import dev.orb.domain.Account;
import dev.orb.domain.DailyStats;
import dev.orb.domain.Fill;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.LogRecord;
import dev.orb.domain.OpeningRangeRecord;
import dev.orb.domain.OrderRecord;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.Position;
import dev.orb.domain.SignalRecord;
import dev.orb.domain.TradeRecord;
import dev.orb.ports.query.EquityPoint;
import dev.orb.ports.query.Page;
import dev.orb.ports.query.SignalChain;

/**
 * The JSON views of domain values, field by field (nothing is serialised by reflection, so nothing unintended —
 * a secret, an internal id — leaks). Outside text passes the {@link Redactor}. Thread-safe.
 */
public final class Views {
    private final Redactor redactor;

    public Views(Redactor redactor) {
        this.redactor = redactor;
    }

    public String text(String outside) {
        return redactor.clean(outside);
    }

    public ObjectNode position(Position p) {
        ObjectNode n = Json.object();
        n.put("symbol", p.symbol().value());
        n.put("side", p.direction().name());
        n.put("quantity", p.quantity());
        n.put("shares", p.shares());
        Json.money(n, "avgEntryPrice", p.avgEntryPrice());
        Json.money(n, "currentPrice", p.currentPrice());
        Json.money(n, "unrealizedPnl", p.unrealizedPnl());
        return n;
    }

    public ArrayNode positions(List<Position> positions) {
        ArrayNode a = Json.array();
        positions.forEach(p -> a.add(position(p)));
        return a;
    }

    public ObjectNode account(Account a) {
        ObjectNode n = Json.object();
        Json.money(n, "equity", a.equity());
        Json.money(n, "lastEquity", a.lastEquity());
        Json.money(n, "dayPnl", a.equity().subtract(a.lastEquity()));
        Json.money(n, "buyingPower", a.buyingPower());
        n.put("multiplier", a.multiplier());
        n.put("patternDayTrader", a.patternDayTrader());
        n.put("dayTradeCount", a.dayTradeCount());
        n.put("tradingBlocked", a.tradingBlocked());
        n.put("accountBlocked", a.accountBlocked());
        n.put("shortingEnabled", a.shortingEnabled());
        return n;
    }

    public ObjectNode killSwitch(KillSwitchState k) {
        ObjectNode n = Json.object();
        n.put("engaged", k.engaged());
        n.put("by", text(k.by()));
        Json.time(n, "at", k.at());
        n.put("reason", text(k.reason()));
        return n;
    }

    public ObjectNode trade(TradeRecord t) {
        ObjectNode n = Json.object();
        n.put("entryOrderId", t.entryOrderId().value());
        Json.date(n, "session", t.session());
        n.put("symbol", t.symbol().value());
        n.put("side", t.direction().name());
        n.put("shares", t.shares());
        Json.price(n, "entryPrice", t.entryPrice());
        Json.price(n, "stopPrice", t.stopPrice());
        Json.time(n, "fillTime", t.fillTime());
        Json.money(n, "fillPrice", t.fillPrice());
        Json.time(n, "exitTime", t.exitTime());
        Json.money(n, "exitPrice", t.exitPrice());
        if (t.exitReason() == null) {
            n.putNull("exitReason");
        } else {
            n.put("exitReason", t.exitReason().name());
        }
        Json.money(n, "commission", t.commission());
        Json.money(n, "pnl", t.pnl());
        if (t.exitTime() == null) {
            n.putNull("durationSeconds");
        } else {
            n.put("durationSeconds", Duration.between(t.fillTime(), t.exitTime()).toSeconds());
        }
        return n;
    }

    public ObjectNode signal(SignalRecord s) {
        ObjectNode n = Json.object();
        Json.date(n, "session", s.session());
        n.put("symbol", s.symbol().value());
        n.put("side", s.direction().name());
        Json.stat(n, "rvol", s.rvol());
        n.put("rank", s.rank());
        Json.price(n, "entry", s.entry());
        Json.price(n, "stop", s.stop());
        n.put("shares", s.shares());
        Json.time(n, "createdAt", s.createdAt());
        n.put("status", s.status().name());
        if (s.clientOrderId() == null) {
            n.putNull("clientOrderId");
        } else {
            n.put("clientOrderId", s.clientOrderId().value());
        }
        n.put("reason", text(s.reason()));
        return n;
    }

    public ObjectNode order(OrderRecord o) {
        ObjectNode n = Json.object();
        n.put("clientOrderId", o.clientOrderId().value());
        n.put("brokerOrderId", o.brokerOrderId());
        n.put("purpose", o.purpose().name());
        n.put("side", o.side().name());
        n.put("type", o.type().name());
        n.put("quantity", o.quantity());
        n.put("status", o.status().name());
        n.put("filledQuantity", o.filledQuantity());
        Json.money(n, "filledAvgPrice", o.filledAvgPrice());
        Json.time(n, "submittedAt", o.submittedAt());
        Json.time(n, "acknowledgedAt", o.acknowledgedAt());
        n.put("rejectReason", text(o.rejectReason()));
        return n;
    }

    public ObjectNode fill(Fill f) {
        ObjectNode n = Json.object();
        n.put("executionId", f.executionId());
        n.put("clientOrderId", f.clientOrderId().value());
        n.put("symbol", f.symbol().value());
        n.put("side", f.side().name());
        n.put("quantity", f.quantity());
        Json.price(n, "price", f.price());
        Json.time(n, "time", f.time());
        return n;
    }

    public ObjectNode event(OrderUpdate u) {
        ObjectNode n = Json.object();
        n.put("type", u.type().name());
        Json.time(n, "timestamp", u.timestamp());
        n.put("clientOrderId", u.order().clientOrderId().value());
        n.put("status", u.order().status().name());
        n.put("filledQuantity", u.order().filledQuantity());
        if (u.fill() == null) {
            n.putNull("fill");
        } else {
            n.set("fill", fill(u.fill()));
        }
        return n;
    }

    public ObjectNode chain(SignalChain c) {
        ObjectNode n = Json.object();
        n.set("signal", signal(c.signal()));
        if (c.order().isPresent()) {
            n.set("order", order(c.order().get()));
        } else {
            n.putNull("order");
        }
        ArrayNode events = n.putArray("events");
        c.events().forEach(e -> events.add(event(e)));
        ArrayNode fills = n.putArray("fills");
        c.fills().forEach(f -> fills.add(fill(f)));
        millis(n, "signalToAckMillis", c.signalToAckMillis());
        millis(n, "ackToFillMillis", c.ackToFillMillis());
        millis(n, "signalToFillMillis", c.signalToFillMillis());
        return n;
    }

    public ObjectNode log(LogRecord r) {
        ObjectNode n = Json.object();
        Json.time(n, "time", r.time());
        n.put("level", text(r.level()));
        n.put("component", text(r.component()));
        n.put("message", text(r.message()));
        n.put("thread", text(r.thread()));
        return n;
    }

    public ObjectNode openingRange(OpeningRangeRecord r) {
        ObjectNode n = Json.object();
        n.put("symbol", r.range().symbol().value());
        Json.date(n, "session", r.range().session());
        n.put("minutes", r.range().minutes());
        Json.price(n, "open", r.range().open());
        Json.price(n, "high", r.range().high());
        Json.price(n, "low", r.range().low());
        Json.price(n, "close", r.range().close());
        n.put("volume", r.range().volume());
        Json.stat(n, "rvol", r.rvol());
        n.put("rank", r.rank());
        Json.price(n, "entry", r.entry());
        Json.price(n, "stop", r.stop());
        n.put("selected", r.selected());
        n.put("note", text(r.note()));
        return n;
    }

    public ObjectNode dailyStats(DailyStats s) {
        ObjectNode n = Json.object();
        n.put("symbol", s.symbol().value());
        Json.date(n, "session", s.session());
        Json.money(n, "atr14", s.atr14());
        Json.money(n, "avgVolume14", s.avgVolume14());
        Json.price(n, "prevClose", s.prevClose());
        return n;
    }

    public ObjectNode equityPoint(EquityPoint p) {
        ObjectNode n = Json.object();
        Json.date(n, "session", p.session());
        Json.money(n, "equity", p.equity());
        Json.money(n, "pnl", p.pnl());
        Json.money(n, "cumulativePnl", p.cumulativePnl());
        Json.money(n, "drawdown", p.drawdown());
        return n;
    }

    public ObjectNode report(PerformanceReport r) {
        ObjectNode n = Json.object();
        Json.money(n, "startEquity", r.startEquity());
        Json.money(n, "endEquity", r.endEquity());
        Json.money(n, "totalPnl", r.endEquity().subtract(r.startEquity()));
        Json.stat(n, "totalReturn", r.totalReturn());
        n.put("trades", r.trades());
        n.put("wins", r.wins());
        n.put("losses", r.losses());
        Json.stat(n, "winRate", r.winRate());
        Json.stat(n, "sharpe", r.sharpe());
        Json.stat(n, "sortino", r.sortino());
        Json.stat(n, "maxDrawdown", r.maxDrawdown());
        Json.stat(n, "profitFactor", r.profitFactor());
        Json.money(n, "avgWin", r.avgWin());
        Json.money(n, "avgLoss", r.avgLoss());
        n.put("sessions", r.sessions());
        return n;
    }

    /** A page of rows with its paging facts. */
    public <T> ObjectNode page(Page<T> page, java.util.function.Function<T, ObjectNode> row) {
        ObjectNode n = Json.object();
        ArrayNode items = n.putArray("items");
        page.items().forEach(t -> items.add(row.apply(t)));
        n.put("offset", page.request().offset());
        n.put("limit", page.request().limit());
        n.put("total", page.total());
        n.put("hasNext", page.hasNext());
        return n;
    }

    static BigDecimal dayPnl(Account a) {
        return a.equity().subtract(a.lastEquity());
    }

    private static void millis(ObjectNode n, String field, OptionalLong value) {
        if (value.isPresent()) {
            n.put(field, value.getAsLong());
        } else {
            n.putNull(field);
        }
    }
}
