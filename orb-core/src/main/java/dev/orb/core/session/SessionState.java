package dev.orb.core.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import dev.orb.domain.Account;
import dev.orb.domain.Asset;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.OrderRecord;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradeRecord;
import dev.orb.domain.TradingSession;

/**
 * The complete state of one session: immutable, compared by value, iterated in a fixed order (entries in the order
 * they were decided, positions by symbol) so that {@link SessionEngine#decide} is deterministic.
 *
 * @param session       the session, or null before {@link EngineEvent.SessionOpened}
 * @param phase         where the day is
 * @param startEquity   E, equity at the start of the session
 * @param account       the latest account view, or null before the session opened
 * @param killSwitch    the kill switch
 * @param entries       entry orders by symbol (one per symbol and session)
 * @param positions     open (and closing) positions by symbol
 * @param executionIds  every execution id applied (fills count once)
 * @param assets        tradability of the scanned symbols
 * @param closedTrades  trades closed this session, in closing order
 * @param lastEventAt   instant of the last event applied, or null
 * @param orders        orb's record of every order it sent this session, by client order id, in sending order
 * @param filledByOrder shares of fills applied per broker order id: a cumulative count, so that a fill learnt
 *                      twice (the stream and a REST resync, with different execution ids) counts once
 * @param reported      orders and positions orb did not create that were already reported (one alert each)
 */
public record SessionState(TradingSession session, Phase phase, BigDecimal startEquity, Account account,
                           KillSwitchState killSwitch, Map<Symbol, EntryOrder> entries,
                           Map<Symbol, OpenPosition> positions, Set<String> executionIds, Map<Symbol, Asset> assets,
                           List<TradeRecord> closedTrades, Instant lastEventAt,
                           Map<ClientOrderId, OrderRecord> orders, Map<String, Long> filledByOrder,
                           Set<String> reported) {
    public SessionState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(startEquity, "startEquity");
        Objects.requireNonNull(killSwitch, "killSwitch");
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        positions = Collections.unmodifiableMap(new TreeMap<>(positions));
        executionIds = Collections.unmodifiableSet(new LinkedHashSet<>(executionIds));
        assets = Collections.unmodifiableMap(new TreeMap<>(assets));
        closedTrades = List.copyOf(closedTrades);
        orders = Collections.unmodifiableMap(new LinkedHashMap<>(orders));
        filledByOrder = Collections.unmodifiableMap(new TreeMap<>(filledByOrder));
        reported = Collections.unmodifiableSet(new java.util.TreeSet<>(reported));
    }

    /** The state before a session opens. */
    public static SessionState initial() {
        return new SessionState(null, Phase.NOT_STARTED, BigDecimal.ZERO, null, KillSwitchState.initial(), Map.of(),
                Map.of(), Set.of(), Map.of(), List.of(), null, Map.of(), Map.of(), Set.of());
    }

    /** Entries that may still fill. */
    public long workingEntries() {
        return entries.values().stream().filter(e -> e.status().isWorking()).count();
    }

    /** Positions with shares still open. */
    public long openPositions() {
        return positions.values().stream().filter(p -> p.openShares() > 0).count();
    }

    /** Symbols with an open position or a working entry: what the max-positions limit counts. */
    public long exposureSlotsUsed() {
        Set<Symbol> used = new LinkedHashSet<>();
        positions.values().stream().filter(p -> p.openShares() > 0).forEach(p -> used.add(p.symbol()));
        entries.values().stream().filter(e -> e.status().isWorking()).forEach(e -> used.add(e.intent().symbol()));
        return used.size();
    }

    /** Gross notional of open positions at their entry prices plus what working entries can still add. */
    public BigDecimal committedNotional() {
        BigDecimal sum = BigDecimal.ZERO;
        for (OpenPosition p : positions.values()) {
            sum = sum.add(p.openNotional());
        }
        for (EntryOrder e : entries.values()) {
            sum = sum.add(e.remainingNotional());
        }
        return sum;
    }

    /** Realised P&amp;L of the closed trades, net of their commissions. */
    public BigDecimal realizedPnl() {
        BigDecimal sum = BigDecimal.ZERO;
        for (TradeRecord t : closedTrades) {
            sum = sum.add(t.pnl());
        }
        return sum;
    }

    /** True when nothing is open or working. */
    public boolean isFlat() {
        return openPositions() == 0 && workingEntries() == 0;
    }
}
