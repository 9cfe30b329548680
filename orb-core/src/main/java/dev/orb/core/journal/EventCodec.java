package dev.orb.core.journal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.orb.core.session.Command;
import dev.orb.core.session.EngineEvent;
import dev.orb.core.strategy.ScanInput;
import dev.orb.domain.Account;
import dev.orb.domain.Asset;
import dev.orb.domain.Bar;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.DailyStats;
import dev.orb.domain.ExitReason;
import dev.orb.domain.Fill;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.Order;
import dev.orb.domain.OrderEventType;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.OrderRequest;
import dev.orb.domain.OrderSide;
import dev.orb.domain.OrderStatus;
import dev.orb.domain.OrderType;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.Position;
import dev.orb.domain.Price;
import dev.orb.domain.Symbol;
import dev.orb.domain.TimeInForce;
import dev.orb.domain.Timeframe;
import dev.orb.domain.TradingSession;

/**
 * Encodes engine events as JSON text and decodes them, exactly: decimals keep their scale, prices their nano-dollars,
 * instants their nanoseconds. The type name is the event's simple class name. Stateless and thread-safe.
 *
 * <p>A {@link EngineEvent.CommandFailed} keeps its command when it is a broker command (submit, cancel, close,
 * cancel all, close all, reconcile); any other command is journaled as an {@link Command.Alert} carrying its text,
 * which the engine treats the same way.
 */
public final class EventCodec {
    private EventCodec() {
    }

    /** The journal type name of an event. */
    public static String type(EngineEvent event) {
        return event.getClass().getSimpleName();
    }

    /** The event as JSON. */
    public static String encode(EngineEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", event.at().toString());
        if (event instanceof EngineEvent.SessionOpened e) {
            m.put("date", e.session().date().toString());
            m.put("open", e.session().open().toLocalTime().toString());
            m.put("close", e.session().close().toLocalTime().toString());
            m.put("account", account(e.account()));
            m.put("killSwitch", killSwitch(e.killSwitch()));
        } else if (event instanceof EngineEvent.ScanReady e) {
            // format 2: one array per symbol, its numbers packed in strings (a whole market is ~50,000 bars)
            m.put("format", SCAN_FORMAT);
            ScanInput input = e.input();
            List<Object> symbols = new ArrayList<>(input.size());
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < input.size(); i++) {
                DailyStats st = input.stats(i);
                // BigDecimal.toString keeps the scale (toPlainString would turn 1E+3 into 1000, another scale)
                symbols.add(Arrays.asList(input.symbol(i).value(), st.session().toString(), st.atr14().toString(),
                        st.avgVolume14().toString(), price(st.prevClose()), packHistory(b, input.orVolumeHistory(i)),
                        packBars(b, input.bars(i))));
            }
            Map<String, Object> assets = new LinkedHashMap<>();
            e.assets().forEach((s, a) -> assets.put(s.value(), List.of(a.tradable(), a.shortable(), a.easyToBorrow())));
            m.put("symbols", symbols);
            m.put("assets", assets);
        } else if (event instanceof EngineEvent.OrderAcknowledged e) {
            m.put("order", order(e.order()));
        } else if (event instanceof EngineEvent.OrderRejected e) {
            m.put("id", e.clientOrderId().value());
            m.put("reason", e.reason());
        } else if (event instanceof EngineEvent.OrderNotFound e) {
            m.put("id", e.clientOrderId().value());
        } else if (event instanceof EngineEvent.CommandFailed e) {
            m.put("command", command(e.command()));
            m.put("reason", e.reason());
        } else if (event instanceof EngineEvent.OrderUpdated e) {
            OrderUpdate u = e.update();
            m.put("type", u.type().name());
            m.put("order", order(u.order()));
            m.put("fill", u.fill() == null ? null : fill(u.fill()));
            m.put("timestamp", u.timestamp().toString());
        } else if (event instanceof EngineEvent.AccountUpdated e) {
            m.put("account", account(e.account()));
        } else if (event instanceof EngineEvent.Reconciled e) {
            m.put("account", account(e.account()));
            m.put("positions", e.positions().stream().map(EventCodec::position).toList());
            m.put("orders", e.orders().stream().map(EventCodec::order).toList());
        } else if (event instanceof EngineEvent.KillSwitchEngaged e) {
            m.put("by", e.by());
            m.put("reason", e.reason());
        } else if (event instanceof EngineEvent.KillSwitchReleased e) {
            m.put("by", e.operator());
            m.put("reason", e.reason());
        } else if (event instanceof EngineEvent.FlattenRequested e) {
            m.put("by", e.by());
        } else if (event instanceof EngineEvent.ForceCloseRequested e) {
            m.put("symbol", e.symbol().value());
            m.put("by", e.by());
        }
        return Json.write(m);
    }

    /**
     * Decodes what {@link #encode} wrote.
     *
     * @throws InvalidValueException naming the type and the problem when the payload is not a valid event
     */
    public static EngineEvent decode(String type, String payload) {
        try {
            return decodeUnchecked(type, payload);
        } catch (RuntimeException e) {
            throw new InvalidValueException("journal entry of type " + type + " cannot be decoded: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static EngineEvent decodeUnchecked(String type, String payload) {
        Map<String, Object> m = (Map<String, Object>) Json.parse(payload);
        Instant at = Instant.parse(str(m, "at"));
        switch (type) {
            case "SessionOpened" -> {
                LocalDate date = LocalDate.parse(str(m, "date"));
                return new EngineEvent.SessionOpened(at, TradingSession.of(date, LocalTime.parse(str(m, "open")),
                        LocalTime.parse(str(m, "close"))), account(map(m, "account")), killSwitch(map(m, "killSwitch")));
            }
            case "ScanReady" -> {
                ScanInput input = SCAN_FORMAT.equals(m.get("format")) ? scanInput((List<Object>) m.get("symbols"))
                        : scanInputOfMaps(m);
                Map<Symbol, Asset> assets = new TreeMap<>();
                map(m, "assets").forEach((s, v) -> {
                    List<Object> l = (List<Object>) v;
                    assets.put(Symbol.of(s), new Asset(Symbol.of(s), (Boolean) l.get(0), (Boolean) l.get(1),
                            (Boolean) l.get(2)));
                });
                return new EngineEvent.ScanReady(at, input, assets);
            }
            case "OrderAcknowledged" -> {
                return new EngineEvent.OrderAcknowledged(at, order(map(m, "order")));
            }
            case "OrderRejected" -> {
                return new EngineEvent.OrderRejected(at, new ClientOrderId(str(m, "id")), str(m, "reason"));
            }
            case "OrderNotFound" -> {
                return new EngineEvent.OrderNotFound(at, new ClientOrderId(str(m, "id")));
            }
            case "CommandFailed" -> {
                return new EngineEvent.CommandFailed(at, command(map(m, "command")), str(m, "reason"));
            }
            case "OrderUpdated" -> {
                Object f = m.get("fill");
                return new EngineEvent.OrderUpdated(at, new OrderUpdate(OrderEventType.valueOf(str(m, "type")),
                        order(map(m, "order")), f == null ? null : fill((Map<String, Object>) f),
                        Instant.parse(str(m, "timestamp"))));
            }
            case "AccountUpdated" -> {
                return new EngineEvent.AccountUpdated(at, account(map(m, "account")));
            }
            case "Reconciled" -> {
                List<Position> positions = ((List<Object>) m.get("positions")).stream()
                        .map(p -> position((Map<String, Object>) p)).toList();
                List<Order> orders = ((List<Object>) m.get("orders")).stream()
                        .map(o -> order((Map<String, Object>) o)).toList();
                return new EngineEvent.Reconciled(at, account(map(m, "account")), positions, orders);
            }
            case "EodReached" -> {
                return new EngineEvent.EodReached(at);
            }
            case "KillSwitchEngaged" -> {
                return new EngineEvent.KillSwitchEngaged(at, str(m, "by"), str(m, "reason"));
            }
            case "KillSwitchReleased" -> {
                return new EngineEvent.KillSwitchReleased(at, str(m, "by"), str(m, "reason"));
            }
            case "FlattenRequested" -> {
                return new EngineEvent.FlattenRequested(at, str(m, "by"));
            }
            case "ForceCloseRequested" -> {
                return new EngineEvent.ForceCloseRequested(at, Symbol.of(str(m, "symbol")), str(m, "by"));
            }
            default -> throw new InvalidValueException("unknown event type '" + type + "'");
        }
    }

    // ---- values ------------------------------------------------------------------------------------------

    /** {@code ScanReady}'s payload format: one array per symbol with packed numbers (journals before it: maps). */
    private static final String SCAN_FORMAT = "2";

    /** {@code "v1,v2,…"}, or null for no history. */
    private static String packHistory(StringBuilder b, long[] history) {
        if (history == null) {
            return null;
        }
        b.setLength(0);
        for (int i = 0; i < history.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(history[i]);
        }
        return b.toString();
    }

    /** {@code "second,nano,minutes,open,high,low,close,volume;…"} with prices in nanos ({@code ""} for none). */
    private static String packBars(StringBuilder b, List<Bar> bars) {
        b.setLength(0);
        for (Bar bar : bars) {
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(bar.start().getEpochSecond()).append(',').append(bar.start().getNano()).append(',')
                    .append(bar.timeframe().minutes()).append(',').append(bar.open().nanos()).append(',')
                    .append(bar.high().nanos()).append(',').append(bar.low().nanos()).append(',')
                    .append(bar.close().nanos()).append(',').append(bar.volume());
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static ScanInput scanInput(List<Object> symbols) {
        ScanInput.Builder input = ScanInput.builder(symbols.size());
        for (Object o : symbols) {
            List<Object> l = (List<Object>) o;
            Symbol symbol = Symbol.of((String) l.get(0));
            input.symbol(new DailyStats(symbol, LocalDate.parse((String) l.get(1)), new BigDecimal((String) l.get(2)),
                    new BigDecimal((String) l.get(3)), price((String) l.get(4))), unpackLongs((String) l.get(5)));
            String bars = (String) l.get(6);
            if (!bars.isEmpty()) {
                for (String bar : bars.split(";", -1)) {
                    long[] v = unpackLongs(bar);
                    if (v.length != 8 || v[1] != (int) v[1] || v[2] != (int) v[2]) {
                        throw new InvalidValueException("ScanReady: bar of " + symbol + " '" + bar
                                + "' is not 8 numbers (second, nano, minutes, open, high, low, close, volume)");
                    }
                    input.bar(v[0], (int) v[1], (int) v[2], v[3], v[4], v[5], v[6], v[7]);
                }
            }
        }
        return input.build();
    }

    /** The longs of {@code "a,b,…"}; null for null, none for {@code ""}. */
    private static long[] unpackLongs(String packed) {
        if (packed == null) {
            return null;
        }
        if (packed.isEmpty()) {
            return new long[0];
        }
        String[] parts = packed.split(",", -1);
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Long.parseLong(parts[i]);
        }
        return values;
    }

    /** The maps of the first format (journals written before format 2). */
    @SuppressWarnings("unchecked")
    private static ScanInput scanInputOfMaps(Map<String, Object> m) {
        Map<Symbol, DailyStats> universe = new TreeMap<>();
        map(m, "universe").forEach((s, v) -> {
            List<Object> l = (List<Object>) v;
            Symbol sym = Symbol.of(s);
            universe.put(sym, new DailyStats(sym, LocalDate.parse((String) l.get(0)),
                    new BigDecimal((String) l.get(1)), new BigDecimal((String) l.get(2)),
                    price((String) l.get(3))));
        });
        Map<Symbol, List<Bar>> bars = new TreeMap<>();
        map(m, "bars").forEach((s, v) -> bars.put(Symbol.of(s),
                ((List<Object>) v).stream().map(b -> bar(Symbol.of(s), (List<Object>) b)).toList()));
        Map<Symbol, long[]> history = new TreeMap<>();
        map(m, "history").forEach((s, v) -> {
            List<Object> l = (List<Object>) v;
            long[] a = new long[l.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = Long.parseLong((String) l.get(i));
            }
            history.put(Symbol.of(s), a);
        });
        return ScanInput.of(universe, bars, history);
    }

    private static String price(Price p) {
        return p == null ? null : Long.toString(p.nanos());
    }

    private static Price price(String s) {
        return s == null ? null : new Price(Long.parseLong(s));
    }

    private static String dec(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    private static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    private static String instant(Instant i) {
        return i == null ? null : i.toString();
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    private static Map<String, Object> account(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("equity", dec(a.equity()));
        m.put("lastEquity", dec(a.lastEquity()));
        m.put("buyingPower", dec(a.buyingPower()));
        m.put("multiplier", Integer.toString(a.multiplier()));
        m.put("pdt", a.patternDayTrader());
        m.put("dayTrades", Integer.toString(a.dayTradeCount()));
        m.put("tradingBlocked", a.tradingBlocked());
        m.put("accountBlocked", a.accountBlocked());
        m.put("shorting", a.shortingEnabled());
        return m;
    }

    private static Account account(Map<String, Object> m) {
        return new Account(dec(str(m, "equity")), dec(str(m, "lastEquity")), dec(str(m, "buyingPower")),
                Integer.parseInt(str(m, "multiplier")), (Boolean) m.get("pdt"), Integer.parseInt(str(m, "dayTrades")),
                (Boolean) m.get("tradingBlocked"), (Boolean) m.get("accountBlocked"), (Boolean) m.get("shorting"));
    }

    private static Map<String, Object> killSwitch(KillSwitchState k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engaged", k.engaged());
        m.put("by", k.by());
        m.put("at", k.at().toString());
        m.put("reason", k.reason());
        return m;
    }

    private static KillSwitchState killSwitch(Map<String, Object> m) {
        return new KillSwitchState((Boolean) m.get("engaged"), str(m, "by"), Instant.parse(str(m, "at")),
                str(m, "reason"));
    }

    private static Bar bar(Symbol s, List<Object> l) {
        return new Bar(s, Instant.parse((String) l.get(0)), Timeframe.ofMinutes(Integer.parseInt((String) l.get(1))),
                price((String) l.get(2)), price((String) l.get(3)), price((String) l.get(4)), price((String) l.get(5)),
                Long.parseLong((String) l.get(6)));
    }

    private static Map<String, Object> order(Order o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.brokerOrderId());
        m.put("clientId", o.clientOrderId().value());
        m.put("symbol", o.symbol().value());
        m.put("side", o.side().name());
        m.put("type", o.type().name());
        m.put("qty", Long.toString(o.quantity()));
        m.put("filled", Long.toString(o.filledQuantity()));
        m.put("stop", price(o.stopPrice()));
        m.put("limit", price(o.limitPrice()));
        m.put("avg", dec(o.filledAvgPrice()));
        m.put("status", o.status().name());
        m.put("tif", o.timeInForce().name());
        m.put("created", instant(o.createdAt()));
        m.put("updated", instant(o.updatedAt()));
        m.put("legs", o.legs().stream().map(EventCodec::order).toList());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Order order(Map<String, Object> m) {
        List<Order> legs = ((List<Object>) m.get("legs")).stream().map(l -> order((Map<String, Object>) l)).toList();
        return new Order(str(m, "id"), new ClientOrderId(str(m, "clientId")), Symbol.of(str(m, "symbol")),
                OrderSide.valueOf(str(m, "side")), OrderType.valueOf(str(m, "type")), Long.parseLong(str(m, "qty")),
                Long.parseLong(str(m, "filled")), price((String) m.get("stop")), price((String) m.get("limit")),
                dec((String) m.get("avg")), OrderStatus.valueOf(str(m, "status")),
                TimeInForce.valueOf(str(m, "tif")), instant((String) m.get("created")),
                instant((String) m.get("updated")), legs);
    }

    private static Map<String, Object> fill(Fill f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exec", f.executionId());
        m.put("orderId", f.brokerOrderId());
        m.put("clientId", f.clientOrderId().value());
        m.put("symbol", f.symbol().value());
        m.put("side", f.side().name());
        m.put("qty", Long.toString(f.quantity()));
        m.put("price", price(f.price()));
        m.put("time", f.time().toString());
        return m;
    }

    private static Fill fill(Map<String, Object> m) {
        return new Fill(str(m, "exec"), str(m, "orderId"), new ClientOrderId(str(m, "clientId")),
                Symbol.of(str(m, "symbol")), OrderSide.valueOf(str(m, "side")), Long.parseLong(str(m, "qty")),
                price(str(m, "price")), Instant.parse(str(m, "time")));
    }

    private static Map<String, Object> position(Position p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", p.symbol().value());
        m.put("qty", Long.toString(p.quantity()));
        m.put("avg", dec(p.avgEntryPrice()));
        m.put("current", dec(p.currentPrice()));
        return m;
    }

    private static Position position(Map<String, Object> m) {
        return new Position(Symbol.of(str(m, "symbol")), Long.parseLong(str(m, "qty")), dec(str(m, "avg")),
                dec((String) m.get("current")));
    }

    private static Map<String, Object> command(Command c) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (c instanceof Command.SubmitOrder s) {
            OrderRequest r = s.request();
            m.put("kind", "SubmitOrder");
            m.put("purpose", s.purpose().name());
            m.put("id", r.clientOrderId().value());
            m.put("symbol", r.symbol().value());
            m.put("side", r.side().name());
            m.put("type", r.type().name());
            m.put("qty", Long.toString(r.quantity()));
            m.put("stop", price(r.stopPrice()));
            m.put("limit", price(r.limitPrice()));
            m.put("tif", r.timeInForce().name());
            m.put("stopLoss", price(r.stopLossPrice()));
        } else if (c instanceof Command.CancelOrder x) {
            m.put("kind", "CancelOrder");
            m.put("id", x.clientOrderId() == null ? null : x.clientOrderId().value());
            m.put("brokerId", x.brokerOrderId());
        } else if (c instanceof Command.ClosePosition x) {
            m.put("kind", "ClosePosition");
            m.put("symbol", x.symbol().value());
            m.put("reason", x.reason().name());
        } else if (c instanceof Command.CancelAllOrders) {
            m.put("kind", "CancelAllOrders");
        } else if (c instanceof Command.CloseAllPositions) {
            m.put("kind", "CloseAllPositions");
        } else if (c instanceof Command.Reconcile) {
            m.put("kind", "Reconcile");
        } else {
            m.put("kind", "Alert");
            m.put("text", c.toString());
        }
        return m;
    }

    private static Command command(Map<String, Object> m) {
        return switch (str(m, "kind")) {
            case "SubmitOrder" -> new Command.SubmitOrder(new OrderRequest(new ClientOrderId(str(m, "id")),
                    Symbol.of(str(m, "symbol")), OrderSide.valueOf(str(m, "side")), OrderType.valueOf(str(m, "type")),
                    Long.parseLong(str(m, "qty")), price((String) m.get("stop")), price((String) m.get("limit")),
                    TimeInForce.valueOf(str(m, "tif")), price((String) m.get("stopLoss"))),
                    OrderPurpose.valueOf(str(m, "purpose")));
            case "CancelOrder" -> new Command.CancelOrder(m.get("id") == null ? null : new ClientOrderId(str(m, "id")),
                    (String) m.get("brokerId"));
            case "ClosePosition" -> new Command.ClosePosition(Symbol.of(str(m, "symbol")),
                    ExitReason.valueOf(str(m, "reason")));
            case "CancelAllOrders" -> new Command.CancelAllOrders();
            case "CloseAllPositions" -> new Command.CloseAllPositions();
            case "Reconcile" -> new Command.Reconcile();
            default -> new Command.Alert(Command.Severity.INFO, str(m, "text"));
        };
    }

    // ---- access --------------------------------------------------------------------------------------------

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String s)) {
            throw new InvalidValueException("field '" + key + "' missing or not text");
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Map<?, ?>)) {
            throw new InvalidValueException("field '" + key + "' missing or not an object");
        }
        return (Map<String, Object>) v;
    }
}
