package dev.orb.dashboard.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;

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
 * a secret, an internal id — leaks). Each view writes one object where the {@link JsonOut} expects a value. Outside
 * text passes the {@link Redactor}. Thread-safe.
 */
public final class Views {
    private final Redactor redactor;

    public Views(Redactor redactor) {
        this.redactor = redactor;
    }

    public String text(String outside) {
        return redactor.clean(outside);
    }

    public void position(JsonOut n, Position p) {
        n.startObject()
                .string("symbol", p.symbol().value())
                .string("side", p.direction().name())
                .number("quantity", p.quantity())
                .number("shares", p.shares())
                .money("avgEntryPrice", p.avgEntryPrice())
                .money("currentPrice", p.currentPrice())
                .money("unrealizedPnl", p.unrealizedPnl())
                .endObject();
    }

    /** An array of positions as the value of {@code field}. */
    public void positions(JsonOut n, String field, List<Position> positions) {
        n.startArray(field);
        positions.forEach(p -> position(n, p));
        n.endArray();
    }

    public void account(JsonOut n, Account a) {
        n.startObject()
                .money("equity", a.equity())
                .money("lastEquity", a.lastEquity())
                .money("dayPnl", dayPnl(a))
                .money("buyingPower", a.buyingPower())
                .number("multiplier", a.multiplier())
                .bool("patternDayTrader", a.patternDayTrader())
                .number("dayTradeCount", a.dayTradeCount())
                .bool("tradingBlocked", a.tradingBlocked())
                .bool("accountBlocked", a.accountBlocked())
                .bool("shortingEnabled", a.shortingEnabled())
                .endObject();
    }

    public void killSwitch(JsonOut n, KillSwitchState k) {
        n.startObject()
                .bool("engaged", k.engaged())
                .string("by", text(k.by()))
                .time("at", k.at())
                .string("reason", text(k.reason()))
                .endObject();
    }

    public void trade(JsonOut n, TradeRecord t) {
        n.startObject()
                .string("entryOrderId", t.entryOrderId().value())
                .date("session", t.session())
                .string("symbol", t.symbol().value())
                .string("side", t.direction().name())
                .number("shares", t.shares())
                .price("entryPrice", t.entryPrice())
                .price("stopPrice", t.stopPrice())
                .time("fillTime", t.fillTime())
                .money("fillPrice", t.fillPrice())
                .time("exitTime", t.exitTime())
                .money("exitPrice", t.exitPrice())
                .string("exitReason", t.exitReason() == null ? null : t.exitReason().name())
                .money("commission", t.commission())
                .money("pnl", t.pnl());
        if (t.exitTime() == null) {
            n.nullField("durationSeconds");
        } else {
            n.number("durationSeconds", Duration.between(t.fillTime(), t.exitTime()).toSeconds());
        }
        n.endObject();
    }

    public void signal(JsonOut n, SignalRecord s) {
        n.startObject()
                .date("session", s.session())
                .string("symbol", s.symbol().value())
                .string("side", s.direction().name())
                .stat("rvol", s.rvol())
                .number("rank", s.rank())
                .price("entry", s.entry())
                .price("stop", s.stop())
                .number("shares", s.shares())
                .time("createdAt", s.createdAt())
                .string("status", s.status().name())
                .string("clientOrderId", s.clientOrderId() == null ? null : s.clientOrderId().value())
                .string("reason", text(s.reason()))
                .endObject();
    }

    public void order(JsonOut n, OrderRecord o) {
        n.startObject()
                .string("clientOrderId", o.clientOrderId().value())
                .string("brokerOrderId", o.brokerOrderId())
                .string("purpose", o.purpose().name())
                .string("side", o.side().name())
                .string("type", o.type().name())
                .number("quantity", o.quantity())
                .string("status", o.status().name())
                .number("filledQuantity", o.filledQuantity())
                .money("filledAvgPrice", o.filledAvgPrice())
                .time("submittedAt", o.submittedAt())
                .time("acknowledgedAt", o.acknowledgedAt())
                .string("rejectReason", text(o.rejectReason()))
                .endObject();
    }

    public void fill(JsonOut n, Fill f) {
        fillFields(n.startObject(), f).endObject();
    }

    /** The fields of a fill, in an object the caller has started (the live stream adds its own). */
    public JsonOut fillFields(JsonOut n, Fill f) {
        return n.string("executionId", f.executionId())
                .string("clientOrderId", f.clientOrderId().value())
                .string("symbol", f.symbol().value())
                .string("side", f.side().name())
                .number("quantity", f.quantity())
                .price("price", f.price())
                .time("time", f.time());
    }

    public void event(JsonOut n, OrderUpdate u) {
        n.startObject()
                .string("type", u.type().name())
                .time("timestamp", u.timestamp())
                .string("clientOrderId", u.order().clientOrderId().value())
                .string("status", u.order().status().name())
                .number("filledQuantity", u.order().filledQuantity());
        if (u.fill() == null) {
            n.nullField("fill");
        } else {
            fill(n.field("fill"), u.fill());
        }
        n.endObject();
    }

    public void chain(JsonOut n, SignalChain c) {
        n.startObject();
        signal(n.field("signal"), c.signal());
        if (c.order().isPresent()) {
            order(n.field("order"), c.order().get());
        } else {
            n.nullField("order");
        }
        n.startArray("events");
        c.events().forEach(e -> event(n, e));
        n.endArray().startArray("fills");
        c.fills().forEach(f -> fill(n, f));
        n.endArray()
                .millis("signalToAckMillis", c.signalToAckMillis())
                .millis("ackToFillMillis", c.ackToFillMillis())
                .millis("signalToFillMillis", c.signalToFillMillis())
                .endObject();
    }

    public void log(JsonOut n, LogRecord r) {
        n.startObject()
                .time("time", r.time())
                .string("level", text(r.level()))
                .string("component", text(r.component()))
                .string("message", text(r.message()))
                .string("thread", text(r.thread()))
                .endObject();
    }

    public void openingRange(JsonOut n, OpeningRangeRecord r) {
        n.startObject()
                .string("symbol", r.range().symbol().value())
                .date("session", r.range().session())
                .number("minutes", r.range().minutes())
                .price("open", r.range().open())
                .price("high", r.range().high())
                .price("low", r.range().low())
                .price("close", r.range().close())
                .number("volume", r.range().volume())
                .stat("rvol", r.rvol())
                .number("rank", r.rank())
                .price("entry", r.entry())
                .price("stop", r.stop())
                .bool("selected", r.selected())
                .string("note", text(r.note()))
                .endObject();
    }

    public void dailyStats(JsonOut n, DailyStats s) {
        n.startObject()
                .string("symbol", s.symbol().value())
                .date("session", s.session())
                .money("atr14", s.atr14())
                .money("avgVolume14", s.avgVolume14())
                .price("prevClose", s.prevClose())
                .endObject();
    }

    public void equityPoint(JsonOut n, EquityPoint p) {
        n.startObject()
                .date("session", p.session())
                .money("equity", p.equity())
                .money("pnl", p.pnl())
                .money("cumulativePnl", p.cumulativePnl())
                .money("drawdown", p.drawdown())
                .endObject();
    }

    public void report(JsonOut n, PerformanceReport r) {
        n.startObject()
                .money("startEquity", r.startEquity())
                .money("endEquity", r.endEquity())
                .money("totalPnl", r.endEquity().subtract(r.startEquity()))
                .stat("totalReturn", r.totalReturn())
                .number("trades", r.trades())
                .number("wins", r.wins())
                .number("losses", r.losses())
                .stat("winRate", r.winRate())
                .stat("sharpe", r.sharpe())
                .stat("sortino", r.sortino())
                .stat("maxDrawdown", r.maxDrawdown())
                .stat("profitFactor", r.profitFactor())
                .money("avgWin", r.avgWin())
                .money("avgLoss", r.avgLoss())
                .number("sessions", r.sessions())
                .endObject();
    }

    /** A page of rows with its paging facts. */
    public <T> void page(JsonOut n, Page<T> page, BiConsumer<JsonOut, T> row) {
        n.startObject().startArray("items");
        page.items().forEach(t -> row.accept(n, t));
        n.endArray()
                .number("offset", page.request().offset())
                .number("limit", page.request().limit())
                .number("total", page.total())
                .bool("hasNext", page.hasNext())
                .endObject();
    }

    static BigDecimal dayPnl(Account a) {
        return a.equity().subtract(a.lastEquity());
    }
}
