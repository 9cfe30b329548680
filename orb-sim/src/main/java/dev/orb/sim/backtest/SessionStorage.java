package dev.orb.sim.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
import dev.orb.domain.SignalStatus;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradeRecord;
import dev.orb.domain.TradingMode;
import dev.orb.ports.Storage;

/**
 * The storage of one backtest session: light on purpose. It keeps the kill switch (so the engine's own writes and
 * reads agree within the session) and the signals a pre-trade check rejected (reported as warnings); the rest of
 * the audit trail is dropped, because the input files are the record and the trades come from the engine's state.
 * A new instance per session, so each session starts with the kill switch off.
 *
 * <p>Not thread-safe: one session's runner uses it from one thread.
 */
final class SessionStorage implements Storage {
    private KillSwitchState killSwitch = KillSwitchState.initial();
    private final List<SignalRecord> rejected = new ArrayList<>();

    /** Signals the engine's pre-trade checks refused this session, in order. */
    List<SignalRecord> rejectedSignals() {
        return rejected;
    }

    @Override
    public JournalEntry append(JournalEntry entry) {
        return Objects.requireNonNull(entry, "entry");
    }

    @Override
    public List<JournalEntry> journal(LocalDate session) {
        return List.of();
    }

    @Override
    public KillSwitchState killSwitch() {
        return killSwitch;
    }

    @Override
    public void saveKillSwitch(KillSwitchState state) {
        killSwitch = Objects.requireNonNull(state, "state");
    }

    @Override
    public TradingMode tradingMode() {
        return TradingMode.PAPER;
    }

    @Override
    public void saveTradingMode(TradingMode mode) {
        Objects.requireNonNull(mode, "mode");
    }

    @Override
    public void upsertDailyBars(Collection<DailyBar> bars) {
        Objects.requireNonNull(bars, "bars");
    }

    @Override
    public List<DailyBar> dailyBars(LocalDate from, LocalDate to) {
        return List.of();
    }

    @Override
    public List<LocalDate> dailyBarDates(LocalDate from, LocalDate to) {
        return List.of();
    }

    @Override
    public int deleteDailyBarsBefore(LocalDate date) {
        return 0;
    }

    @Override
    public void saveUniverse(LocalDate session, Collection<DailyStats> universe) {
        Objects.requireNonNull(universe, "universe");
    }

    @Override
    public List<DailyStats> universe(LocalDate session) {
        return List.of();
    }

    @Override
    public void saveOpeningRanges(Collection<OpeningRangeRecord> records) {
        Objects.requireNonNull(records, "records");
    }

    @Override
    public List<OpeningRangeRecord> openingRanges(LocalDate session) {
        return List.of();
    }

    @Override
    public void saveOpeningRangeVolumes(LocalDate session, int minutes, Map<Symbol, Long> volumes) {
        Objects.requireNonNull(volumes, "volumes");
    }

    @Override
    public Map<Symbol, long[]> openingRangeVolumes(List<LocalDate> sessions, int minutes) {
        return Map.of();
    }

    @Override
    public List<LocalDate> openingRangeVolumeDates(LocalDate from, LocalDate to, int minutes) {
        return List.of();
    }

    @Override
    public void saveSignal(SignalRecord signal, Optional<OrderRecord> order) {
        if (signal.status() == SignalStatus.REJECTED) {
            rejected.add(signal);
        }
    }

    @Override
    public void upsertOrder(OrderRecord order) {
        Objects.requireNonNull(order, "order");
    }

    @Override
    public Optional<OrderRecord> order(ClientOrderId id) {
        return Optional.empty();
    }

    @Override
    public List<OrderRecord> orders(LocalDate session) {
        return List.of();
    }

    @Override
    public boolean recordOrderEvent(OrderUpdate update) {
        return true;
    }

    @Override
    public void upsertTrade(TradeRecord trade) {
        Objects.requireNonNull(trade, "trade");
    }

    @Override
    public List<TradeRecord> trades(LocalDate from, LocalDate to) {
        return List.of();
    }

    @Override
    public List<SignalRecord> signals(LocalDate session) {
        return List.of();
    }

    @Override
    public void saveDailyMetrics(DailyMetrics metrics) {
        Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public List<DailyMetrics> dailyMetrics(LocalDate from, LocalDate to) {
        return List.of();
    }

    @Override
    public void appendLogs(List<LogRecord> records) {
        Objects.requireNonNull(records, "records");
    }

    @Override
    public List<LogRecord> recentLogs(int limit) {
        return List.of();
    }
}
