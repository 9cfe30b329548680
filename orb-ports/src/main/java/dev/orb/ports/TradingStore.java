package dev.orb.ports;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.orb.domain.ClientOrderId;
import dev.orb.domain.DailyMetrics;
import dev.orb.domain.OrderRecord;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.SignalRecord;
import dev.orb.domain.TradeRecord;

/** The audit trail: signals, orders, every broker event, trades and daily metrics. Safe for concurrent use. */
public interface TradingStore {
    /** Stores a signal; when it was submitted, stores its order record in the same transaction. */
    void saveSignal(SignalRecord signal, Optional<OrderRecord> order);

    /** Inserts or replaces an order record by client order id. */
    void upsertOrder(OrderRecord order);

    Optional<OrderRecord> order(ClientOrderId id);

    /** Orders of a session, by submission time. */
    List<OrderRecord> orders(LocalDate session);

    /**
     * Stores one broker event. A fill whose execution id is already stored is ignored.
     *
     * @return false when the event was a duplicate fill
     */
    boolean recordOrderEvent(OrderUpdate update);

    /** Inserts or replaces a trade by its entry order id. */
    void upsertTrade(TradeRecord trade);

    /** Trades with session in {@code [from, to]}, by session then symbol. */
    List<TradeRecord> trades(LocalDate from, LocalDate to);

    /** Signals of a session, by rank. */
    List<SignalRecord> signals(LocalDate session);

    /** Inserts or replaces the metrics of a session. */
    void saveDailyMetrics(DailyMetrics metrics);

    /** Daily metrics with session in {@code [from, to]}, oldest first. */
    List<DailyMetrics> dailyMetrics(LocalDate from, LocalDate to);
}
