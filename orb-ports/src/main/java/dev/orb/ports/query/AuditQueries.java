package dev.orb.ports.query;

import java.time.LocalDate;
import java.util.List;

import dev.orb.domain.ClientOrderId;
import dev.orb.domain.DailyStats;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.LogRecord;
import dev.orb.domain.OpeningRangeRecord;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.TradeRecord;

/**
 * The read side the dashboard and the JSON API need, over what {@link dev.orb.ports.Storage} stores.
 * Daily metrics by date range come from {@link dev.orb.ports.TradingStore#dailyMetrics}; everything else a page
 * shows comes from here.
 *
 * <p>Implementations must be safe for concurrent use; each call sees a consistent snapshot of committed data
 * for its rows, while {@link Page#total()} may be counted in a separate statement (a concurrent write can make
 * it differ by the rows just written).
 */
public interface AuditQueries {
    /**
     * Trades matching {@code filter}, newest first: by session descending, then entry fill time descending, then
     * entry order id.
     */
    Page<TradeRecord> trades(TradeFilter filter, PageRequest page);

    /** The signals of {@code session} with their orders, events, fills and latencies, by rank then symbol. */
    List<SignalChain> signalChains(LocalDate session);

    /**
     * Every stored broker event of an order and of its broker-side legs, oldest first (broker timestamp, then
     * arrival). Empty when none.
     */
    List<OrderUpdate> orderEvents(ClientOrderId clientOrderId);

    /** Log lines matching {@code filter}, newest first (time descending, then arrival descending). */
    Page<LogRecord> logs(LogFilter filter, PageRequest page);

    /** The equity curve of the sessions in {@code [from, to]} that have daily metrics, oldest first. */
    List<EquityPoint> equityCurve(LocalDate from, LocalDate to);

    /**
     * The opening ranges of {@code session} in the order of {@link dev.orb.ports.MarketStore#openingRanges}
     * (candidates by rank, then the others by symbol).
     *
     * @param candidatesOnly true to list only candidates (rank ≥ 1)
     */
    Page<OpeningRangeRecord> openingRangePage(LocalDate session, boolean candidatesOnly, PageRequest page);

    /** The universe of {@code session}, by symbol. */
    Page<DailyStats> universePage(LocalDate session, PageRequest page);

    /** The most recent {@code limit} (≥ 1) changes of the kill switch, newest first. */
    List<KillSwitchState> killSwitchHistory(int limit);
}
