package dev.orb.adapter.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;

import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Fill;
import dev.orb.domain.Order;
import dev.orb.domain.OrderEventType;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.OrderRecord;
import dev.orb.domain.OrderSide;
import dev.orb.domain.OrderStatus;
import dev.orb.domain.OrderType;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.TimeInForce;

/** orb's order records, every broker event of an order, and the legs of one-triggers-other orders. */
public final class OrderDao {
    private static final List<String> ORDER_COLUMNS = List.of("client_order_id", "session_date", "symbol", "purpose",
            "side", "order_type", "quantity", "stop_price", "stop_loss_price", "broker_order_id", "status",
            "filled_quantity", "filled_avg_price", "submitted_at", "acknowledged_at", "updated_at", "reject_reason");
    private static final String ORDER_SELECT = "SELECT " + String.join(", ", ORDER_COLUMNS) + " FROM orders";
    private static final List<String> EVENT_COLUMNS = List.of("event_type", "event_time", "client_order_id",
            "broker_order_id", "symbol", "side", "order_type", "quantity", "filled_quantity", "stop_price",
            "limit_price", "filled_avg_price", "status", "time_in_force", "order_created_at", "order_updated_at",
            "execution_id", "fill_broker_order_id", "fill_client_order_id", "fill_symbol", "fill_side",
            "fill_quantity", "fill_price", "fill_time");
    private static final String EVENT_SELECT = "SELECT " + String.join(", ", EVENT_COLUMNS) + " FROM order_events";

    private final Database db;
    private final String upsertOrder;
    private final String insertEvent;
    private final String insertLeg;

    /** A DAO on {@code db}. */
    public OrderDao(Database db) {
        this.db = db;
        this.upsertOrder = db.dialect().upsert("orders", ORDER_COLUMNS, List.of("client_order_id"));
        this.insertEvent = db.dialect().insertIgnoringConflicts("order_events", EVENT_COLUMNS, List.of("execution_id"));
        this.insertLeg = db.dialect().insertIgnoringConflicts("order_legs",
                List.of("leg_broker_order_id", "parent_client_order_id"), List.of("leg_broker_order_id"));
    }

    /** Implements {@link dev.orb.ports.TradingStore#upsertOrder}. */
    public void upsertOrder(OrderRecord order) {
        Objects.requireNonNull(order, "order");
        db.autoCommitUpdate("saving order " + order.clientOrderId(), h -> upsert(h, order));
    }

    /** Upserts on {@code h}, inside the caller's transaction. */
    void upsert(Handle h, OrderRecord o) throws SQLException {
        try (PreparedStatement ps = h.getConnection().prepareStatement(upsertOrder)) {
            ps.setString(1, o.clientOrderId().value());
            Columns.setDate(ps, 2, o.session());
            ps.setString(3, o.symbol().value());
            Columns.setEnum(ps, 4, o.purpose());
            Columns.setEnum(ps, 5, o.side());
            Columns.setEnum(ps, 6, o.type());
            ps.setLong(7, o.quantity());
            Columns.setPrice(ps, 8, o.stopPrice());
            Columns.setPrice(ps, 9, o.stopLossPrice());
            Columns.setString(ps, 10, o.brokerOrderId());
            Columns.setEnum(ps, 11, o.status());
            ps.setLong(12, o.filledQuantity());
            Columns.setDecimal(ps, 13, o.filledAvgPrice());
            Columns.setInstant(ps, 14, o.submittedAt());
            Columns.setInstant(ps, 15, o.acknowledgedAt());
            Columns.setInstant(ps, 16, o.updatedAt());
            Columns.setString(ps, 17, o.rejectReason());
            ps.executeUpdate();
        }
    }

    /** Implements {@link dev.orb.ports.TradingStore#order}. */
    public Optional<OrderRecord> order(ClientOrderId id) {
        Objects.requireNonNull(id, "id");
        return db.read("reading order " + id, h -> order(h, id));
    }

    Optional<OrderRecord> order(Handle h, ClientOrderId id) {
        return h.createQuery(ORDER_SELECT + " WHERE client_order_id = :id").bind("id", id.value())
                .map((rs, ctx) -> order(rs)).findOne();
    }

    /** Implements {@link dev.orb.ports.TradingStore#orders}: by submission time, then client order id. */
    public List<OrderRecord> orders(LocalDate session) {
        Objects.requireNonNull(session, "session");
        return db.read("reading the orders of " + session, h -> orders(h, session));
    }

    /** The orders of {@code session} by submission time, then client order id, on {@code h}. */
    List<OrderRecord> orders(Handle h, LocalDate session) {
        return List.copyOf(h.createQuery(ORDER_SELECT
                        + " WHERE session_date = :session ORDER BY submitted_at, client_order_id")
                .bind("session", session)
                .map((rs, ctx) -> order(rs))
                .list());
    }

    /**
     * Stores the event and the legs it names, in one transaction. A fill whose execution id is stored already is
     * skipped by the database itself (a unique key), so concurrent replays of one fill also store it once.
     *
     * @return false when the event was such a duplicate fill
     */
    public boolean recordOrderEvent(OrderUpdate update) {
        Objects.requireNonNull(update, "update");
        Order o = update.order();
        return db.write("recording " + update.type() + " of order " + o.clientOrderId(), h -> {
            int inserted;
            try (PreparedStatement ps = h.getConnection().prepareStatement(insertEvent)) {
                bindEvent(ps, update);
                inserted = ps.executeUpdate();
            }
            if (inserted == 0) {
                return false;
            }
            if (!o.legs().isEmpty()) {
                try (PreparedStatement ps = h.getConnection().prepareStatement(insertLeg)) {
                    for (Order leg : o.legs()) {
                        ps.setString(1, leg.brokerOrderId());
                        ps.setString(2, o.clientOrderId().value());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return true;
        });
    }

    /** The events of an order and of its legs, by broker timestamp then arrival. */
    public List<OrderUpdate> orderEvents(ClientOrderId id) {
        Objects.requireNonNull(id, "id");
        return db.read("reading the events of order " + id, h -> orderEvents(h, id));
    }

    List<OrderUpdate> orderEvents(Handle h, ClientOrderId id) {
        return List.copyOf(h.createQuery(EVENT_SELECT + " WHERE client_order_id = :id OR broker_order_id IN"
                        + " (SELECT leg_broker_order_id FROM order_legs WHERE parent_client_order_id = :id)"
                        + " ORDER BY event_time, id")
                .bind("id", id.value())
                .map((rs, ctx) -> event(rs))
                .list());
    }

    /**
     * {@link #orderEvents(Handle, ClientOrderId)} of the order of every signal of {@code session} at once: per
     * client order id, its own events and those of its legs, by event time then insertion. One query whatever the
     * number of signals, instead of one per order.
     */
    Map<ClientOrderId, List<OrderUpdate>> signalOrderEvents(Handle h, LocalDate session) {
        String columns = EVENT_COLUMNS.stream().map(c -> "e." + c).collect(Collectors.joining(", "));
        String sql = "SELECT s.client_order_id AS parent, e.id AS event_id, " + columns
                + " FROM signals s JOIN order_events e ON e.client_order_id = s.client_order_id"
                + " WHERE s.session_date = :session"
                + " UNION"
                + " SELECT s.client_order_id AS parent, e.id AS event_id, " + columns
                + " FROM signals s JOIN order_legs l ON l.parent_client_order_id = s.client_order_id"
                + " JOIN order_events e ON e.broker_order_id = l.leg_broker_order_id"
                + " WHERE s.session_date = :session";
        Map<ClientOrderId, List<EventRow>> rows = new HashMap<>();
        h.createQuery(sql).bind("session", session)
                .map((rs, ctx) -> new EventRow(new ClientOrderId(rs.getString("parent")),
                        Columns.instant(rs, "event_time"), rs.getLong("event_id"), event(rs)))
                .forEach(r -> rows.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r));
        Map<ClientOrderId, List<OrderUpdate>> events = new HashMap<>();
        rows.forEach((parent, list) -> {
            list.sort(Comparator.comparing(EventRow::time).thenComparingLong(EventRow::id));
            events.put(parent, list.stream().map(EventRow::update).toList());
        });
        return events;
    }

    private record EventRow(ClientOrderId parent, Instant time, long id, OrderUpdate update) {
    }

    private static void bindEvent(PreparedStatement ps, OrderUpdate u) throws SQLException {
        Order o = u.order();
        Fill f = u.fill();
        Columns.setEnum(ps, 1, u.type());
        Columns.setInstant(ps, 2, u.timestamp());
        ps.setString(3, o.clientOrderId().value());
        ps.setString(4, o.brokerOrderId());
        ps.setString(5, o.symbol().value());
        Columns.setEnum(ps, 6, o.side());
        Columns.setEnum(ps, 7, o.type());
        ps.setLong(8, o.quantity());
        ps.setLong(9, o.filledQuantity());
        Columns.setPrice(ps, 10, o.stopPrice());
        Columns.setPrice(ps, 11, o.limitPrice());
        Columns.setDecimal(ps, 12, o.filledAvgPrice());
        Columns.setEnum(ps, 13, o.status());
        Columns.setEnum(ps, 14, o.timeInForce());
        Columns.setInstant(ps, 15, o.createdAt());
        Columns.setInstant(ps, 16, o.updatedAt());
        Columns.setString(ps, 17, f == null ? null : f.executionId());
        Columns.setString(ps, 18, f == null ? null : f.brokerOrderId());
        Columns.setString(ps, 19, f == null ? null : f.clientOrderId().value());
        Columns.setString(ps, 20, f == null ? null : f.symbol().value());
        Columns.setEnum(ps, 21, f == null ? null : f.side());
        if (f == null) {
            ps.setNull(22, java.sql.Types.BIGINT);
        } else {
            ps.setLong(22, f.quantity());
        }
        Columns.setPrice(ps, 23, f == null ? null : f.price());
        Columns.setInstant(ps, 24, f == null ? null : f.time());
    }

    static OrderRecord order(ResultSet rs) throws SQLException {
        return new OrderRecord(Columns.clientOrderId(rs, "client_order_id"), Columns.date(rs, "session_date"),
                Columns.symbol(rs, "symbol"), Columns.enumValue(rs, "purpose", OrderPurpose.class),
                Columns.enumValue(rs, "side", OrderSide.class), Columns.enumValue(rs, "order_type", OrderType.class),
                rs.getLong("quantity"), Columns.price(rs, "stop_price"), Columns.price(rs, "stop_loss_price"),
                rs.getString("broker_order_id"), Columns.enumValue(rs, "status", OrderStatus.class),
                rs.getLong("filled_quantity"), Columns.decimal(rs, "filled_avg_price"),
                Columns.instant(rs, "submitted_at"), Columns.instant(rs, "acknowledged_at"),
                Columns.instant(rs, "updated_at"), rs.getString("reject_reason"));
    }

    private static OrderUpdate event(ResultSet rs) throws SQLException {
        Order order = new Order(rs.getString("broker_order_id"), Columns.clientOrderId(rs, "client_order_id"),
                Columns.symbol(rs, "symbol"), Columns.enumValue(rs, "side", OrderSide.class),
                Columns.enumValue(rs, "order_type", OrderType.class), rs.getLong("quantity"),
                rs.getLong("filled_quantity"), Columns.price(rs, "stop_price"), Columns.price(rs, "limit_price"),
                Columns.decimal(rs, "filled_avg_price"), Columns.enumValue(rs, "status", OrderStatus.class),
                Columns.enumValue(rs, "time_in_force", TimeInForce.class), Columns.instant(rs, "order_created_at"),
                Columns.instant(rs, "order_updated_at"), List.of());
        String executionId = rs.getString("execution_id");
        Fill fill = executionId == null ? null : new Fill(executionId, rs.getString("fill_broker_order_id"),
                Columns.clientOrderId(rs, "fill_client_order_id"), Columns.symbol(rs, "fill_symbol"),
                Columns.enumValue(rs, "fill_side", OrderSide.class), rs.getLong("fill_quantity"),
                Columns.price(rs, "fill_price"), Columns.instant(rs, "fill_time"));
        return new OrderUpdate(Columns.enumValue(rs, "event_type", OrderEventType.class), order, fill,
                Columns.instant(rs, "event_time"));
    }
}
