package dev.orb.adapter.jdbc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.orb.domain.ClientOrderId;
import dev.orb.domain.DailyBar;
import dev.orb.domain.DailyMetrics;
import dev.orb.domain.DailyStats;
import dev.orb.domain.Direction;
import dev.orb.domain.ExitReason;
import dev.orb.domain.Fill;
import dev.orb.domain.JournalEntry;
import dev.orb.domain.LogRecord;
import dev.orb.domain.OpeningRange;
import dev.orb.domain.OpeningRangeRecord;
import dev.orb.domain.Order;
import dev.orb.domain.OrderEventType;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.OrderRecord;
import dev.orb.domain.OrderSide;
import dev.orb.domain.OrderStatus;
import dev.orb.domain.OrderType;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.Price;
import dev.orb.domain.SignalRecord;
import dev.orb.domain.SignalStatus;
import dev.orb.domain.Symbol;
import dev.orb.domain.TimeInForce;
import dev.orb.domain.TradeRecord;

/** Valid records for tests, with microsecond instants (the precision storage keeps). */
final class Samples {
    static final LocalDate SESSION = LocalDate.of(2024, 3, 11);
    /** 09:35 New York on {@link #SESSION}, plus some microseconds. */
    static final Instant DECIDED = Instant.parse("2024-03-11T13:35:00.123456Z");

    private Samples() {
    }

    static Price p(String value) {
        return Price.of(value);
    }

    static DailyBar bar(String symbol, LocalDate date, String close) {
        Price c = p(close);
        Price high = Price.of(c.toBigDecimal().add(new BigDecimal("1.25")));
        return new DailyBar(Symbol.of(symbol), date, c, high, c, c, 1_234_567L);
    }

    static DailyStats stats(String symbol, LocalDate session) {
        return new DailyStats(Symbol.of(symbol), session, new BigDecimal("1.234567890123"), new BigDecimal("2500000.5"),
                p("101.37"));
    }

    static OpeningRangeRecord range(String symbol, int rank, double rvol) {
        OpeningRange range = new OpeningRange(Symbol.of(symbol), SESSION, 5, p("100.00"), p("101.50"), p("99.75"),
                p("101.20"), 250_000L);
        return rank > 0
                ? new OpeningRangeRecord(range, rvol, rank, p("101.51"), p("100.99"), rank <= 2, "")
                : new OpeningRangeRecord(range, rvol, 0, null, null, false, "rvol below 1.0");
    }

    static ClientOrderId entryId(String symbol) {
        return ClientOrderId.of(SESSION, Symbol.of(symbol), OrderPurpose.ENTRY, 1);
    }

    static OrderRecord pendingOrder(String symbol, Instant at) {
        return new OrderRecord(entryId(symbol), SESSION, Symbol.of(symbol), OrderPurpose.ENTRY, OrderSide.BUY,
                OrderType.STOP, 150, p("101.51"), p("100.99"), null, OrderStatus.PENDING_NEW, 0, null, at, null, at, null);
    }

    static OrderRecord acknowledgedOrder(String symbol, Instant submitted, Instant ack) {
        return new OrderRecord(entryId(symbol), SESSION, Symbol.of(symbol), OrderPurpose.ENTRY, OrderSide.BUY,
                OrderType.STOP, 150, p("101.51"), p("100.99"), "broker-" + symbol, OrderStatus.NEW, 0, null, submitted,
                ack, ack, null);
    }

    static SignalRecord submitted(String symbol, int rank, Instant at) {
        return new SignalRecord(SESSION, Symbol.of(symbol), Direction.LONG, 2.75, rank, p("101.51"), p("100.99"), 150,
                at, SignalStatus.SUBMITTED, entryId(symbol), "");
    }

    static SignalRecord skipped(String symbol, int rank, Instant at) {
        return new SignalRecord(SESSION, Symbol.of(symbol), Direction.SHORT, 1.5, rank, null, null, 0, at,
                SignalStatus.SKIPPED, null, "fewer than one share");
    }

    static Order brokerOrder(String symbol, OrderStatus status, long filled, BigDecimal avg, Instant at, List<Order> legs) {
        return new Order("broker-" + symbol, entryId(symbol), Symbol.of(symbol), OrderSide.BUY, OrderType.STOP, 150,
                filled, p("101.51"), null, avg, status, TimeInForce.DAY, DECIDED, at, legs);
    }

    static Order stopLeg(String symbol) {
        return new Order("broker-" + symbol + "-leg", new ClientOrderId("leg-" + symbol), Symbol.of(symbol),
                OrderSide.SELL, OrderType.STOP, 150, 0, p("100.99"), null, null, OrderStatus.HELD, TimeInForce.DAY,
                DECIDED, DECIDED, List.of());
    }

    static OrderUpdate accepted(String symbol, Instant at) {
        return new OrderUpdate(OrderEventType.NEW, brokerOrder(symbol, OrderStatus.NEW, 0, null, at,
                List.of(stopLeg(symbol))), null, at);
    }

    static OrderUpdate fill(String symbol, String executionId, long qty, long cumulative, String price, Instant at) {
        OrderEventType type = cumulative >= 150 ? OrderEventType.FILL : OrderEventType.PARTIAL_FILL;
        OrderStatus status = cumulative >= 150 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        Order order = brokerOrder(symbol, status, cumulative, new BigDecimal(price), at, List.of());
        Fill fill = new Fill(executionId, order.brokerOrderId(), order.clientOrderId(), order.symbol(), OrderSide.BUY,
                qty, p(price), at);
        return new OrderUpdate(type, order, fill, at);
    }

    static TradeRecord openTrade(String symbol, LocalDate session, Direction direction, Instant fillTime) {
        ClientOrderId id = ClientOrderId.of(session, Symbol.of(symbol), OrderPurpose.ENTRY, 1);
        return new TradeRecord(id, session, Symbol.of(symbol), direction, 150, p("101.51"), p("100.99"), fillTime,
                new BigDecimal("101.5233333333333"), null, null, null, new BigDecimal("0.35"), null);
    }

    static TradeRecord closed(TradeRecord open, Instant exitTime) {
        return new TradeRecord(open.entryOrderId(), open.session(), open.symbol(), open.direction(), open.shares(),
                open.entryPrice(), open.stopPrice(), open.fillTime(), open.fillPrice(), exitTime,
                new BigDecimal("103.10"), ExitReason.EOD, new BigDecimal("0.70"), new BigDecimal("235.8000000000050"));
    }

    static DailyMetrics metrics(LocalDate session, String start, String end) {
        BigDecimal s = new BigDecimal(start);
        BigDecimal e = new BigDecimal(end);
        return new DailyMetrics(session, s, e, e.subtract(s), 3, 2, 1, new BigDecimal("2.10"));
    }

    static JournalEntry event(LocalDate session, String type, String payload, Instant at) {
        return new JournalEntry(0, session, at, type, payload);
    }

    static LogRecord log(Instant at, String level, String component, String message) {
        return new LogRecord(at, level, component, message, "main");
    }
}
