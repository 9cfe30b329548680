package dev.orb.adapter.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.orb.adapter.jdbc.internal.Database;
import dev.orb.adapter.jdbc.internal.JournalDao;
import dev.orb.adapter.jdbc.internal.LogDao;
import dev.orb.adapter.jdbc.internal.MarketDao;
import dev.orb.adapter.jdbc.internal.OrderDao;
import dev.orb.adapter.jdbc.internal.ScanDao;
import dev.orb.adapter.jdbc.internal.SignalDao;
import dev.orb.adapter.jdbc.internal.StateDao;
import dev.orb.adapter.jdbc.internal.TradeDao;
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
import dev.orb.ports.query.AuditQueries;
import dev.orb.ports.query.EquityPoint;
import dev.orb.ports.query.LogFilter;
import dev.orb.ports.query.Page;
import dev.orb.ports.query.PageRequest;
import dev.orb.ports.query.SignalChain;
import dev.orb.ports.query.StorageMaintenance;
import dev.orb.ports.query.TradeFilter;

/**
 * orb's {@link Storage}, {@link AuditQueries} and {@link StorageMaintenance} on H2 or PostgreSQL.
 *
 * <p>{@link #create} opens a HikariCP pool, migrates the schema with Flyway and validates every applied script's
 * checksum, so a storage that was created is ready and of the expected version. Each write is one transaction,
 * committed before the method returns (except a large H2 {@link #upsertDailyBars}, see there): on PostgreSQL that is
 * durable against power loss (unless {@link JdbcConfig#withAsynchronousCommit} was chosen); on H2 (written on every
 * commit, {@code WRITE_DELAY=0}) against a crash or kill of the process, while an operating-system crash may lose
 * the last commits, as H2 does not force its file to disk on commit.
 *
 * <p>Values come back as they went in, with two representational exceptions: instants are kept to the
 * microsecond (nanoseconds are truncated), and a {@link java.math.BigDecimal} that is not a price may come back
 * with another scale but the same value ({@code compareTo} equal; H2 drops trailing zeros). Prices are exact.
 *
 * <p>Safe for concurrent use by any number of threads. Failures of the database throw {@link StorageException};
 * arguments that break the port's contract throw {@link dev.orb.domain.InvalidValueException} before anything is
 * written. Call {@link #close()} to release the pool (and to close an embedded H2 file).
 */
public final class JdbcStorage implements Storage, AuditQueries, StorageMaintenance, AutoCloseable {
    private final Database db;
    private final JournalDao journal;
    private final StateDao state;
    private final MarketDao market;
    private final ScanDao scan;
    private final OrderDao orders;
    private final SignalDao signals;
    private final TradeDao trades;
    private final LogDao logs;

    private JdbcStorage(Database db) {
        this.db = db;
        this.journal = new JournalDao(db);
        this.state = new StateDao(db);
        this.market = new MarketDao(db);
        this.scan = new ScanDao(db);
        this.orders = new OrderDao(db);
        this.signals = new SignalDao(db, orders);
        this.trades = new TradeDao(db);
        this.logs = new LogDao(db);
    }

    /**
     * Opens (creating on first use) the database of {@code config} and brings its schema to this release's
     * version.
     *
     * @throws StorageException when the database cannot be opened or reached, or its schema history does not
     *                          match this release's migrations (a modified script is detected by its checksum)
     */
    public static JdbcStorage create(JdbcConfig config) {
        Objects.requireNonNull(config, "config");
        Optional<Path> h2Directory = config.h2Directory();
        if (h2Directory.isPresent()) {
            try {
                Files.createDirectories(h2Directory.get());
            } catch (IOException e) {
                throw new StorageException("creating the database directory " + h2Directory.get() + " failed: " + e,
                        null, e);
            }
        }
        return new JdbcStorage(Database.open(config.jdbcUrl(), config.user(), config.password(),
                config.schema().orElse(null), config.poolSize(), config.asynchronousCommit()));
    }

    // --- JournalStore

    /** {@inheritDoc} The entry's own sequence is ignored; the returned entry is exactly what is stored. */
    @Override
    public JournalEntry append(JournalEntry entry) {
        return journal.append(entry);
    }

    /**
     * {@inheritDoc} One transaction, one commit: all entries are stored, with increasing sequences in list order, or
     * none (a bad entry fails the whole call). Durable once this returns.
     */
    @Override
    public List<JournalEntry> appendAll(List<JournalEntry> entries) {
        return journal.appendAll(entries);
    }

    @Override
    public List<JournalEntry> journal(LocalDate session) {
        return journal.journal(session);
    }

    // --- SystemStateStore

    @Override
    public KillSwitchState killSwitch() {
        return state.killSwitch();
    }

    /** {@inheritDoc} Every change is also appended to the history ({@link #killSwitchHistory}). */
    @Override
    public void saveKillSwitch(KillSwitchState newState) {
        state.saveKillSwitch(newState);
    }

    @Override
    public TradingMode tradingMode() {
        return state.tradingMode();
    }

    @Override
    public void saveTradingMode(TradingMode mode) {
        state.saveTradingMode(mode);
    }

    // --- MarketStore

    /**
     * {@inheritDoc} Rows are written in key order; a bar equal to the stored one is not rewritten. On H2 an upsert of
     * more than 10,000 bars writes the bars of dates that are not stored yet in transactions of 10,000 rows, which no
     * read sees until its last transaction lists those dates (one large H2 transaction costs more per row); after a
     * crash in between, the dates are simply not stored. H2 upserts and deletes of daily bars run one at a time.
     */
    @Override
    public void upsertDailyBars(Collection<DailyBar> bars) {
        market.upsertDailyBars(bars);
    }

    @Override
    public List<DailyBar> dailyBars(LocalDate from, LocalDate to) {
        return market.dailyBars(from, to);
    }

    @Override
    public List<LocalDate> dailyBarDates(LocalDate from, LocalDate to) {
        return market.dailyBarDates(from, to);
    }

    @Override
    public int deleteDailyBarsBefore(LocalDate date) {
        return market.deleteDailyBarsBefore(date);
    }

    /**
     * {@inheritDoc} Also copies each symbol's ATR and average volume onto its latest stored daily bar before
     * {@code session} ({@code daily_bars.atr_14}, {@code avg_volume_14}).
     *
     * @throws dev.orb.domain.InvalidValueException when a statistic is for another session or a symbol repeats
     */
    @Override
    public void saveUniverse(LocalDate session, Collection<DailyStats> universe) {
        market.saveUniverse(session, universe);
    }

    @Override
    public List<DailyStats> universe(LocalDate session) {
        return market.universe(session);
    }

    @Override
    public void saveOpeningRanges(Collection<OpeningRangeRecord> records) {
        scan.saveOpeningRanges(records);
    }

    @Override
    public List<OpeningRangeRecord> openingRanges(LocalDate session) {
        return scan.openingRanges(session);
    }

    @Override
    public void saveOpeningRangeVolumes(LocalDate session, int minutes, Map<Symbol, Long> volumes) {
        scan.saveOpeningRangeVolumes(session, minutes, volumes);
    }

    @Override
    public Map<Symbol, long[]> openingRangeVolumes(List<LocalDate> sessions, int minutes) {
        return scan.openingRangeVolumes(sessions, minutes);
    }

    @Override
    public List<LocalDate> openingRangeVolumeDates(LocalDate from, LocalDate to, int minutes) {
        return scan.openingRangeVolumeDates(from, to, minutes);
    }

    // --- TradingStore

    /**
     * {@inheritDoc} A signal is identified by (session, symbol, createdAt): saving it again replaces it. A
     * SUBMITTED signal must come with its order or find it stored.
     *
     * @throws dev.orb.domain.InvalidValueException when {@code order} is not the signal's order, or a SUBMITTED
     *                                              signal's order is neither given nor stored
     */
    @Override
    public void saveSignal(SignalRecord signal, Optional<OrderRecord> order) {
        signals.saveSignal(signal, order);
    }

    @Override
    public void upsertOrder(OrderRecord order) {
        orders.upsertOrder(order);
    }

    @Override
    public Optional<OrderRecord> order(ClientOrderId id) {
        return orders.order(id);
    }

    @Override
    public List<OrderRecord> orders(LocalDate session) {
        return orders.orders(session);
    }

    @Override
    public boolean recordOrderEvent(OrderUpdate update) {
        return orders.recordOrderEvent(update);
    }

    @Override
    public void upsertTrade(TradeRecord trade) {
        trades.upsertTrade(trade);
    }

    @Override
    public List<TradeRecord> trades(LocalDate from, LocalDate to) {
        return trades.trades(from, to);
    }

    @Override
    public List<SignalRecord> signals(LocalDate session) {
        return signals.signals(session);
    }

    @Override
    public void saveDailyMetrics(DailyMetrics metrics) {
        trades.saveDailyMetrics(metrics);
    }

    @Override
    public List<DailyMetrics> dailyMetrics(LocalDate from, LocalDate to) {
        return trades.dailyMetrics(from, to);
    }

    // --- LogStore and StorageMaintenance

    /** {@inheritDoc} Level, component and thread longer than their columns (16, 500, 200) are cut. */
    @Override
    public void appendLogs(List<LogRecord> records) {
        logs.appendLogs(records);
    }

    @Override
    public List<LogRecord> recentLogs(int limit) {
        return logs.recentLogs(limit);
    }

    @Override
    public int deleteLogsBefore(Instant cutoff) {
        return logs.deleteLogsBefore(cutoff);
    }

    // --- AuditQueries

    @Override
    public Page<TradeRecord> trades(TradeFilter filter, PageRequest page) {
        return trades.trades(filter, page);
    }

    @Override
    public List<SignalChain> signalChains(LocalDate session) {
        return signals.signalChains(session);
    }

    @Override
    public List<OrderUpdate> orderEvents(ClientOrderId clientOrderId) {
        return orders.orderEvents(clientOrderId);
    }

    /**
     * {@inheritDoc} The text search is a case-insensitive substring match on both databases; PostgreSQL serves it
     * from a trigram index when the {@code pg_trgm} extension could be installed, H2 scans.
     */
    @Override
    public Page<LogRecord> logs(LogFilter filter, PageRequest page) {
        return logs.logs(filter, page);
    }

    @Override
    public List<EquityPoint> equityCurve(LocalDate from, LocalDate to) {
        return EquityPoint.curve(trades.dailyMetrics(from, to));
    }

    @Override
    public Page<OpeningRangeRecord> openingRangePage(LocalDate session, boolean candidatesOnly, PageRequest page) {
        return scan.openingRangePage(session, candidatesOnly, page);
    }

    @Override
    public Page<DailyStats> universePage(LocalDate session, PageRequest page) {
        return market.universePage(session, page);
    }

    @Override
    public List<KillSwitchState> killSwitchHistory(int limit) {
        return state.killSwitchHistory(limit);
    }

    /** Closes the connection pool; further calls fail with {@link StorageException}. Idempotent. */
    @Override
    public void close() {
        db.close();
    }

    @Override
    public String toString() {
        return "JdbcStorage[" + db + "]";
    }
}
