package dev.orb.adapter.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jdbi.v3.core.Handle;

import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Direction;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.OrderRecord;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.SignalRecord;
import dev.orb.domain.SignalStatus;
import dev.orb.ports.query.SignalChain;

/**
 * Signals, the first link of the audit trail. A signal is identified by (session, symbol, decision time):
 * saving the same decision again replaces it, a later decision on the same symbol is a new row. A submitted
 * signal references its order (a foreign key), so no signal can exist without the order it claims.
 */
public final class SignalDao {
    private static final List<String> COLUMNS = List.of("session_date", "symbol", "direction", "rvol", "rank",
            "entry_price", "stop_price", "shares", "created_at", "status", "client_order_id", "reason");
    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM signals";

    private final Database db;
    private final OrderDao orders;
    private final String upsertSignal;

    /** A DAO on {@code db} that writes orders through {@code orders}. */
    public SignalDao(Database db, OrderDao orders) {
        this.db = db;
        this.orders = orders;
        this.upsertSignal = db.dialect().upsert("signals", COLUMNS, List.of("session_date", "symbol", "created_at"));
    }

    /** Stores the order (when given) and the signal in one transaction. */
    public void saveSignal(SignalRecord signal, Optional<OrderRecord> order) {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(order, "order");
        order.ifPresent(o -> requireOrderOf(signal, o));
        db.update("saving the signal " + signal.symbol() + " " + signal.session() + " (" + signal.status() + ")", h -> {
            if (order.isPresent()) {
                orders.upsert(h, order.get());
            } else if (signal.status() == SignalStatus.SUBMITTED && orders.order(h, signal.clientOrderId()).isEmpty()) {
                throw new InvalidValueException("saveSignal: " + signal.symbol() + " " + signal.session()
                        + " is SUBMITTED as order " + signal.clientOrderId()
                        + ", but that order is neither given nor stored");
            }
            upsert(h, signal);
        });
    }

    /** Implements {@link dev.orb.ports.TradingStore#signals}: by rank, then symbol, then decision time. */
    public List<SignalRecord> signals(LocalDate session) {
        Objects.requireNonNull(session, "session");
        return db.read("reading the signals of " + session, h -> signals(h, session));
    }

    /**
     * Each signal of the session with its order and events, read in one snapshot with three queries (signals, the
     * session's orders, their events and their legs' events) whatever the number of signals.
     */
    public List<SignalChain> signalChains(LocalDate session) {
        Objects.requireNonNull(session, "session");
        return db.snapshot("reading the signal chains of " + session, h -> {
            List<SignalRecord> signals = signals(h, session);
            if (signals.stream().allMatch(s -> s.clientOrderId() == null)) {
                return signals.stream().map(s -> SignalChain.of(s, Optional.empty(), List.of())).toList();
            }
            Map<ClientOrderId, OrderRecord> orderById = new HashMap<>();
            for (OrderRecord o : orders.orders(h, session)) {
                orderById.put(o.clientOrderId(), o);
            }
            Map<ClientOrderId, List<OrderUpdate>> eventsById = orders.signalOrderEvents(h, session);
            List<SignalChain> chains = new ArrayList<>(signals.size());
            for (SignalRecord s : signals) {
                if (s.clientOrderId() == null) {
                    chains.add(SignalChain.of(s, Optional.empty(), List.of()));
                } else {
                    chains.add(SignalChain.of(s, Optional.ofNullable(orderById.get(s.clientOrderId())),
                            eventsById.getOrDefault(s.clientOrderId(), List.of())));
                }
            }
            return List.copyOf(chains);
        });
    }

    private List<SignalRecord> signals(Handle h, LocalDate session) {
        return List.copyOf(h.createQuery(SELECT + " WHERE session_date = :session ORDER BY rank, "
                        + db.dialect().bySymbol("symbol") + ", created_at")
                .bind("session", session)
                .map((rs, ctx) -> signal(rs))
                .list());
    }

    private void upsert(Handle h, SignalRecord s) throws SQLException {
        try (PreparedStatement ps = h.getConnection().prepareStatement(upsertSignal)) {
            Columns.setDate(ps, 1, s.session());
            ps.setString(2, s.symbol().value());
            Columns.setEnum(ps, 3, s.direction());
            ps.setDouble(4, s.rvol());
            ps.setInt(5, s.rank());
            Columns.setPrice(ps, 6, s.entry());
            Columns.setPrice(ps, 7, s.stop());
            ps.setLong(8, s.shares());
            Columns.setInstant(ps, 9, s.createdAt());
            Columns.setEnum(ps, 10, s.status());
            Columns.setString(ps, 11, s.clientOrderId() == null ? null : s.clientOrderId().value());
            ps.setString(12, s.reason());
            ps.executeUpdate();
        }
    }

    private static void requireOrderOf(SignalRecord signal, OrderRecord order) {
        if (!order.clientOrderId().equals(signal.clientOrderId()) || !order.symbol().equals(signal.symbol())
                || !order.session().equals(signal.session())) {
            throw new InvalidValueException("saveSignal: order " + order.clientOrderId() + " (" + order.symbol() + " "
                    + order.session() + ") is not the order of signal " + signal.symbol() + " " + signal.session()
                    + " (" + signal.status() + ", order " + signal.clientOrderId() + ")");
        }
    }

    private static SignalRecord signal(ResultSet rs) throws SQLException {
        return new SignalRecord(Columns.date(rs, "session_date"), Columns.symbol(rs, "symbol"),
                Columns.enumValue(rs, "direction", Direction.class), rs.getDouble("rvol"), rs.getInt("rank"),
                Columns.price(rs, "entry_price"), Columns.price(rs, "stop_price"), rs.getLong("shares"),
                Columns.instant(rs, "created_at"), Columns.enumValue(rs, "status", SignalStatus.class),
                Columns.clientOrderId(rs, "client_order_id"), rs.getString("reason"));
    }
}
