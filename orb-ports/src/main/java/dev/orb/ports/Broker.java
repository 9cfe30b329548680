package dev.orb.ports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.orb.domain.Account;
import dev.orb.domain.Asset;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.Order;
import dev.orb.domain.OrderRequest;
import dev.orb.domain.Position;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradingMode;

/**
 * A brokerage account: orders, positions and the stream of order updates.
 *
 * <p>Every method blocks until the broker answers and may be called from any thread. Failures throw
 * {@link BrokerException}. Implementations must never create two orders for one client order id:
 * {@link #submit} of an id that already exists returns the existing order.
 */
public interface Broker {
    Account account();

    List<Position> positions();

    /** Orders that can still fill (including held OTO legs), with their legs. */
    List<Order> openOrders();

    /** Orders created or changed at or after {@code since}, any status (for resynchronisation). */
    List<Order> ordersUpdatedSince(Instant since);

    /** The order with this client order id, or empty when the broker has none. */
    Optional<Order> orderByClientOrderId(ClientOrderId id);

    /** Tradability of a symbol (shortable, easy to borrow). */
    Asset asset(Symbol symbol);

    /**
     * Sends an order; a request with a stop-loss price is sent as one broker-side one-triggers-other order.
     * Idempotent by client order id.
     *
     * @return the order as acknowledged by the broker
     * @throws BrokerException with {@code rejected()} true when refused, false when the outcome is unknown
     */
    Order submit(OrderRequest request);

    /** Cancels one order by broker id. Cancelling an order that is already final is not an error. */
    void cancel(String brokerOrderId);

    /** Cancels every open order, reporting each one. */
    BulkResult cancelAll();

    /** Closes one position at market (cancelling that symbol's orders first). */
    void closePosition(Symbol symbol);

    /** Closes every position at market (cancelling open orders first), reporting each symbol. */
    BulkResult closeAll();

    /** Subscribes to order updates; at most one listener per broker instance is guaranteed to be supported. */
    Subscription subscribe(OrderUpdateListener listener);

    /** Which environment this broker trades in. */
    TradingMode mode();
}
