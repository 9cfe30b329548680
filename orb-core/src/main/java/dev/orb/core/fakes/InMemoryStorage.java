package dev.orb.core.fakes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.orb.domain.ClientOrderId;
import dev.orb.domain.DailyBar;
import dev.orb.domain.DailyMetrics;
import dev.orb.domain.DailyStats;
import dev.orb.domain.JournalEntry;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.LogRecord;
import dev.orb.domain.OpeningRangeRecord;
import dev.orb.domain.OrderRecord;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.SignalRecord;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradeRecord;
import dev.orb.domain.TradingMode;
import dev.orb.ports.Storage;

/**
 * {@link Storage} in memory, with the same keys and ordering guarantees as the JDBC adapter. Thread-safe (every
 * method is synchronized). Keeps every broker event for assertions ({@link #orderEvents()}).
 */
public final class InMemoryStorage implements Storage {
    private final List<JournalEntry> journal = new ArrayList<>();
    private KillSwitchState killSwitch = KillSwitchState.initial();
    private TradingMode mode = TradingMode.PAPER;
    private final Map<String, DailyBar> dailyBars = new TreeMap<>();
    private final Map<LocalDate, List<DailyStats>> universes = new TreeMap<>();
    private final Map<String, OpeningRangeRecord> openingRanges = new TreeMap<>();
    private final Map<String, Map<Symbol, Long>> orVolumes = new TreeMap<>();
    private final Map<String, SignalRecord> signals = new LinkedHashMap<>();
    private final Map<ClientOrderId, OrderRecord> orders = new LinkedHashMap<>();
    private final List<OrderUpdate> orderEvents = new ArrayList<>();
    private final Set<String> executionIds = new HashSet<>();
    private final Map<ClientOrderId, TradeRecord> trades = new LinkedHashMap<>();
    private final Map<LocalDate, DailyMetrics> metrics = new TreeMap<>();
    private final List<LogRecord> logs = new ArrayList<>();

    @Override
    public synchronized JournalEntry append(JournalEntry entry) {
        JournalEntry stored = entry.withSequence(journal.size() + 1L);
        journal.add(stored);
        return stored;
    }

    /** All or nothing: a null entry stores none of them. */
    @Override
    public synchronized List<JournalEntry> appendAll(List<JournalEntry> entries) {
        List<JournalEntry> stored = new ArrayList<>(entries.size());
        for (JournalEntry entry : entries) {
            stored.add(entry.withSequence(journal.size() + stored.size() + 1L));
        }
        journal.addAll(stored);
        return List.copyOf(stored);
    }

    @Override
    public synchronized List<JournalEntry> journal(LocalDate session) {
        return journal.stream().filter(e -> e.session().equals(session)).toList();
    }

    @Override
    public synchronized KillSwitchState killSwitch() {
        return killSwitch;
    }

    @Override
    public synchronized void saveKillSwitch(KillSwitchState state) {
        killSwitch = state;
    }

    @Override
    public synchronized TradingMode tradingMode() {
        return mode;
    }

    @Override
    public synchronized void saveTradingMode(TradingMode newMode) {
        mode = newMode;
    }

    @Override
    public synchronized void upsertDailyBars(Collection<DailyBar> bars) {
        for (DailyBar b : bars) {
            dailyBars.put(b.date() + "|" + b.symbol(), b);
        }
    }

    @Override
    public synchronized List<DailyBar> dailyBars(LocalDate from, LocalDate to) {
        return dailyBars.values().stream().filter(b -> !b.date().isBefore(from) && !b.date().isAfter(to)).toList();
    }

    @Override
    public synchronized List<LocalDate> dailyBarDates(LocalDate from, LocalDate to) {
        return dailyBars(from, to).stream().map(DailyBar::date).distinct().sorted().toList();
    }

    @Override
    public synchronized int deleteDailyBarsBefore(LocalDate date) {
        int before = dailyBars.size();
        dailyBars.values().removeIf(b -> b.date().isBefore(date));
        return before - dailyBars.size();
    }

    @Override
    public synchronized void saveUniverse(LocalDate session, Collection<DailyStats> universe) {
        universes.put(session, universe.stream().sorted(Comparator.comparing(DailyStats::symbol)).toList());
    }

    @Override
    public synchronized List<DailyStats> universe(LocalDate session) {
        return universes.getOrDefault(session, List.of());
    }

    @Override
    public synchronized void saveOpeningRanges(Collection<OpeningRangeRecord> records) {
        for (OpeningRangeRecord r : records) {
            openingRanges.put(r.range().session() + "|" + r.range().symbol(), r);
        }
    }

    @Override
    public synchronized List<OpeningRangeRecord> openingRanges(LocalDate session) {
        return openingRanges.values().stream().filter(r -> r.range().session().equals(session))
                .sorted(Comparator.comparing((OpeningRangeRecord r) -> r.rank() == 0 ? Integer.MAX_VALUE : r.rank())
                        .thenComparing(r -> r.range().symbol()))
                .toList();
    }

    @Override
    public synchronized void saveOpeningRangeVolumes(LocalDate session, int minutes, Map<Symbol, Long> volumes) {
        orVolumes.put(session + "|" + minutes, new TreeMap<>(volumes));
    }

    @Override
    public synchronized Map<Symbol, long[]> openingRangeVolumes(List<LocalDate> sessions, int minutes) {
        Map<Symbol, long[]> out = new TreeMap<>();
        for (int i = 0; i < sessions.size(); i++) {
            Map<Symbol, Long> day = orVolumes.getOrDefault(sessions.get(i) + "|" + minutes, Map.of());
            for (Map.Entry<Symbol, Long> e : day.entrySet()) {
                if (e.getValue() > 0) {
                    out.computeIfAbsent(e.getKey(), s -> new long[sessions.size()])[i] = e.getValue();
                }
            }
        }
        return out;
    }

    @Override
    public synchronized List<LocalDate> openingRangeVolumeDates(LocalDate from, LocalDate to, int minutes) {
        List<LocalDate> out = new ArrayList<>();
        for (String key : orVolumes.keySet()) {
            String[] parts = key.split("\\|");
            LocalDate d = LocalDate.parse(parts[0]);
            if (Integer.parseInt(parts[1]) == minutes && !d.isBefore(from) && !d.isAfter(to)) {
                out.add(d);
            }
        }
        return out.stream().sorted().toList();
    }

    @Override
    public synchronized void saveSignal(SignalRecord signal, Optional<OrderRecord> order) {
        signals.put(signal.session() + "|" + signal.symbol() + "|" + signal.createdAt(), signal);
        order.ifPresent(o -> orders.put(o.clientOrderId(), o));
    }

    @Override
    public synchronized void upsertOrder(OrderRecord order) {
        orders.put(order.clientOrderId(), order);
    }

    @Override
    public synchronized Optional<OrderRecord> order(ClientOrderId id) {
        return Optional.ofNullable(orders.get(id));
    }

    @Override
    public synchronized List<OrderRecord> orders(LocalDate session) {
        return orders.values().stream().filter(o -> o.session().equals(session))
                .sorted(Comparator.comparing(OrderRecord::submittedAt)).toList();
    }

    @Override
    public synchronized boolean recordOrderEvent(OrderUpdate update) {
        if (update.fill() != null && !executionIds.add(update.fill().executionId())) {
            return false;
        }
        orderEvents.add(update);
        return true;
    }

    @Override
    public synchronized void upsertTrade(TradeRecord trade) {
        trades.put(trade.entryOrderId(), trade);
    }

    @Override
    public synchronized List<TradeRecord> trades(LocalDate from, LocalDate to) {
        return trades.values().stream().filter(t -> !t.session().isBefore(from) && !t.session().isAfter(to))
                .sorted(Comparator.comparing(TradeRecord::session).thenComparing(TradeRecord::symbol)).toList();
    }

    @Override
    public synchronized List<SignalRecord> signals(LocalDate session) {
        return signals.values().stream().filter(s -> s.session().equals(session))
                .sorted(Comparator.comparingInt(SignalRecord::rank)).toList();
    }

    @Override
    public synchronized void saveDailyMetrics(DailyMetrics m) {
        metrics.put(m.session(), m);
    }

    @Override
    public synchronized List<DailyMetrics> dailyMetrics(LocalDate from, LocalDate to) {
        return metrics.values().stream().filter(m -> !m.session().isBefore(from) && !m.session().isAfter(to)).toList();
    }

    @Override
    public synchronized void appendLogs(List<LogRecord> records) {
        logs.addAll(records);
    }

    @Override
    public synchronized List<LogRecord> recentLogs(int limit) {
        List<LogRecord> out = new ArrayList<>();
        for (int i = logs.size() - 1; i >= 0 && out.size() < limit; i--) {
            out.add(logs.get(i));
        }
        return out;
    }

    /** Every broker event stored, in order (duplicates of a fill excluded). */
    public synchronized List<OrderUpdate> orderEvents() {
        return List.copyOf(orderEvents);
    }
}
