package dev.orb.core.fakes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.orb.domain.ClientOrderId;
import dev.orb.domain.DailyStats;
import dev.orb.domain.InvalidValueException;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.LogRecord;
import dev.orb.domain.OpeningRangeRecord;
import dev.orb.domain.Order;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.SignalRecord;
import dev.orb.domain.TradeRecord;
import dev.orb.ports.query.AuditQueries;
import dev.orb.ports.query.EquityPoint;
import dev.orb.ports.query.LogFilter;
import dev.orb.ports.query.LogLevel;
import dev.orb.ports.query.Page;
import dev.orb.ports.query.PageRequest;
import dev.orb.ports.query.SignalChain;
import dev.orb.ports.query.StorageMaintenance;
import dev.orb.ports.query.TradeFilter;
import dev.orb.ports.query.TradeStatus;

/**
 * {@link AuditQueries} and {@link StorageMaintenance} over an {@link InMemoryStorage}, with the orderings the
 * JDBC adapter documents, so that the dashboard runs on the fakes as it does on a database. Every call reads the
 * storage afresh (a scan; fine for tests and demos, not for years of data). Thread-safe: the storage's lock makes
 * each read a snapshot.
 *
 * <p>Two differences follow from what {@link InMemoryStorage} keeps, and from not changing it:
 * <ul>
 *   <li>it keeps only the current kill switch, so {@link #killSwitchHistory} holds at most that state (none while
 *       the switch was never changed);</li>
 *   <li>it cannot remove log lines, so {@link #deleteLogsBefore} hides them from {@link #logs} instead (the count
 *       returned is of lines newly hidden); {@link InMemoryStorage#recentLogs} still returns them.</li>
 * </ul>
 */
public final class InMemoryAuditQueries implements AuditQueries, StorageMaintenance {
    private static final Comparator<TradeRecord> NEWEST_TRADE_FIRST = Comparator
            .comparing(TradeRecord::session).reversed()
            .thenComparing(TradeRecord::fillTime, Comparator.reverseOrder())
            .thenComparing(t -> t.entryOrderId().value());

    private final InMemoryStorage storage;
    private Instant logsDeletedBefore = Instant.MIN;

    public InMemoryAuditQueries(InMemoryStorage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    @Override
    public Page<TradeRecord> trades(TradeFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(page, "page");
        LocalDate from = filter.from() != null ? filter.from() : LocalDate.MIN;
        LocalDate to = filter.to() != null ? filter.to() : LocalDate.MAX;
        List<TradeRecord> matching = storage.trades(from, to).stream()
                .filter(t -> filter.symbol() == null || t.symbol().equals(filter.symbol()))
                .filter(t -> filter.direction() == null || t.direction() == filter.direction())
                .filter(t -> filter.status() == null || (filter.status() == TradeStatus.CLOSED) == t.isClosed())
                .sorted(NEWEST_TRADE_FIRST)
                .toList();
        return slice(matching, page);
    }

    @Override
    public List<SignalChain> signalChains(LocalDate session) {
        Objects.requireNonNull(session, "session");
        List<SignalRecord> signals = storage.signals(session).stream()
                .sorted(Comparator.comparingInt(SignalRecord::rank).thenComparing(SignalRecord::symbol)).toList();
        List<SignalChain> out = new ArrayList<>(signals.size());
        for (SignalRecord s : signals) {
            if (s.clientOrderId() == null) {
                out.add(SignalChain.of(s, Optional.empty(), List.of()));
            } else {
                out.add(SignalChain.of(s, storage.order(s.clientOrderId()), orderEvents(s.clientOrderId())));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<OrderUpdate> orderEvents(ClientOrderId clientOrderId) {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        List<OrderUpdate> all = storage.orderEvents();
        Set<String> legs = new HashSet<>();
        for (OrderUpdate e : all) {
            if (e.order().clientOrderId().equals(clientOrderId)) {
                e.order().legs().forEach(leg -> legs.add(leg.brokerOrderId()));
            }
        }
        List<OrderUpdate> out = new ArrayList<>();
        for (OrderUpdate e : all) {
            Order o = e.order();
            if (o.clientOrderId().equals(clientOrderId) || legs.contains(o.brokerOrderId())) {
                // stored events carry no legs (the JDBC adapter keeps the leg relation apart)
                out.add(new OrderUpdate(e.type(), o.withLegs(List.of()), e.fill(), e.timestamp()));
            }
        }
        // a stable sort keeps arrival order among equal timestamps
        out.sort(Comparator.comparing(OrderUpdate::timestamp));
        return List.copyOf(out);
    }

    @Override
    public Page<LogRecord> logs(LogFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(page, "page");
        Instant hiddenBefore;
        synchronized (this) {
            hiddenBefore = logsDeletedBefore;
        }
        String text = filter.text() == null ? null : filter.text().toLowerCase(Locale.ROOT);
        List<LogRecord> newestFirst = storage.recentLogs(Integer.MAX_VALUE);
        List<LogRecord> matching = new ArrayList<>();
        for (LogRecord r : newestFirst) {
            if (r.time().isBefore(hiddenBefore)
                    || (filter.minLevel() != null && levelOf(r).compareTo(filter.minLevel()) < 0)
                    || (filter.component() != null && !r.component().equals(filter.component())
                            && !r.component().startsWith(filter.component() + "."))
                    || (text != null && !r.message().toLowerCase(Locale.ROOT).contains(text))
                    || (filter.after() != null && !r.time().isAfter(filter.after()))
                    || (filter.before() != null && !r.time().isBefore(filter.before()))) {
                continue;
            }
            matching.add(r);
        }
        // recentLogs is newest arrival first; a stable sort by time keeps that among equal times
        matching.sort(Comparator.comparing(LogRecord::time).reversed());
        return slice(matching, page);
    }

    @Override
    public List<EquityPoint> equityCurve(LocalDate from, LocalDate to) {
        return EquityPoint.curve(storage.dailyMetrics(from, to));
    }

    @Override
    public Page<OpeningRangeRecord> openingRangePage(LocalDate session, boolean candidatesOnly, PageRequest page) {
        List<OpeningRangeRecord> all = storage.openingRanges(session);
        return slice(candidatesOnly ? all.stream().filter(r -> r.rank() >= 1).toList() : all, page);
    }

    @Override
    public Page<DailyStats> universePage(LocalDate session, PageRequest page) {
        return slice(storage.universe(session), page);
    }

    @Override
    public List<KillSwitchState> killSwitchHistory(int limit) {
        if (limit < 1) {
            throw new InvalidValueException("killSwitchHistory.limit: " + limit + " must be ≥ 1");
        }
        KillSwitchState current = storage.killSwitch();
        return current.equals(KillSwitchState.initial()) ? List.of() : List.of(current);
    }

    @Override
    public int deleteLogsBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        synchronized (this) {
            Instant previous = logsDeletedBefore;
            if (!cutoff.isAfter(previous)) {
                return 0;
            }
            logsDeletedBefore = cutoff;
            int hidden = 0;
            for (LogRecord r : storage.recentLogs(Integer.MAX_VALUE)) {
                if (r.time().isBefore(cutoff) && !r.time().isBefore(previous)) {
                    hidden++;
                }
            }
            return hidden;
        }
    }

    private static LogLevel levelOf(LogRecord r) {
        return LogLevel.parse(r.level()).orElse(LogLevel.INFO);
    }

    private static <T> Page<T> slice(List<T> all, PageRequest page) {
        int from = (int) Math.min(all.size(), (long) page.offset());
        int to = (int) Math.min(all.size(), (long) page.offset() + page.limit());
        return new Page<>(all.subList(from, to), page, all.size());
    }
}
