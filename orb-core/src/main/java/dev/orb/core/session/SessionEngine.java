package dev.orb.core.session;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.orb.core.config.OrbConfig;
import dev.orb.core.config.StopAnchor;
import dev.orb.core.risk.DailyLossLimit;
import dev.orb.core.risk.PreTradeChecks;
import dev.orb.core.risk.RiskContext;
import dev.orb.core.risk.RiskDecision;
import dev.orb.core.session.Command.Alert;
import dev.orb.core.session.Command.Severity;
import dev.orb.core.strategy.OrderPlanner;
import dev.orb.core.strategy.Scanner;
import dev.orb.core.strategy.SessionSchedule;
import dev.orb.domain.Account;
import dev.orb.domain.Asset;
import dev.orb.domain.ClientOrderId;
import dev.orb.domain.DailyMetrics;
import dev.orb.domain.ExitReason;
import dev.orb.domain.Fill;
import dev.orb.domain.KillSwitchState;
import dev.orb.domain.Order;
import dev.orb.domain.OrderIntent;
import dev.orb.domain.OrderPurpose;
import dev.orb.domain.OrderRecord;
import dev.orb.domain.OrderRequest;
import dev.orb.domain.OrderSide;
import dev.orb.domain.OrderStatus;
import dev.orb.domain.OrderType;
import dev.orb.domain.OrderUpdate;
import dev.orb.domain.Position;
import dev.orb.domain.Price;
import dev.orb.domain.SignalRecord;
import dev.orb.domain.SignalStatus;
import dev.orb.domain.Symbol;
import dev.orb.domain.TradeRecord;
import dev.orb.domain.TradingSession;

/**
 * The session engine: {@code decide(state, event) → (state', commands)}, a pure function.
 *
 * <p>No clock, randomness or I/O: every instant comes with the event, every effect leaves as a {@link Command}.
 * The same events in the same order always give the same decisions, which makes backtests, live trading, crash
 * recovery (re-feeding the journal) and property tests one mechanism. Instances are immutable and thread-safe.
 *
 * <p>What it promises (safety.md), whatever the order of events: positions plus working entries never exceed
 * {@code risk.maxPositions}; committed notional never exceeds the leverage cap or buying power at decision time;
 * no entry is submitted while the kill switch is engaged; at most one entry per symbol and session (a re-send after
 * a kill-switch release uses a new attempt of the same symbol's entry, never a second position); every filled entry is
 * protected by its OTO leg or a stand-alone stop; every price sent is on the tick; after EOD nothing is left open;
 * a daily-loss breach engages the kill switch.
 */
public final class SessionEngine {
    private static final Set<String> SYSTEM_ACTORS = Set.of("system", DailyLossLimit.class.getSimpleName(),
            "daily-loss-limit");

    /** Stand-alone stops tried for one position before orb gives up and asks a person. */
    static final int MAX_STOP_ATTEMPTS = 3;

    private final OrbConfig config;

    public SessionEngine(OrbConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public OrbConfig config() {
        return config;
    }

    /** Applies one event. Never throws for a well-formed event; surprises become {@link Alert} commands. */
    public Decision decide(SessionState state, EngineEvent event) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
        Step s = new Step(state, event.at());
        if (event instanceof EngineEvent.SessionOpened e) {
            s.open(e);
        } else if (s.phase == Phase.NOT_STARTED) {
            s.alert(Severity.WARNING, "event " + event.getClass().getSimpleName() + " before the session opened: ignored");
        } else if (event instanceof EngineEvent.ScanReady e) {
            s.scan(e);
        } else if (event instanceof EngineEvent.OrderAcknowledged e) {
            s.acknowledged(e.order());
        } else if (event instanceof EngineEvent.OrderRejected e) {
            s.rejected(e.clientOrderId(), e.reason());
        } else if (event instanceof EngineEvent.OrderUpdated e) {
            s.updated(e.update());
        } else if (event instanceof EngineEvent.AccountUpdated e) {
            s.account(e.account());
        } else if (event instanceof EngineEvent.Reconciled e) {
            s.reconcile(e);
        } else if (event instanceof EngineEvent.EodReached) {
            s.eod();
        } else if (event instanceof EngineEvent.KillSwitchEngaged e) {
            s.engage(e.by(), e.reason());
        } else if (event instanceof EngineEvent.KillSwitchReleased e) {
            s.release(e.operator(), e.reason());
        } else if (event instanceof EngineEvent.FlattenRequested e) {
            s.flatten(e.by());
        } else if (event instanceof EngineEvent.ForceCloseRequested e) {
            s.forceClose(e.symbol(), e.by());
        } else if (event instanceof EngineEvent.OrderNotFound e) {
            s.notFound(e.clientOrderId());
        } else if (event instanceof EngineEvent.CommandFailed e) {
            s.commandFailed(e.command(), e.reason());
        }
        if (event instanceof EngineEvent.AccountUpdated || event instanceof EngineEvent.Reconciled) {
            s.retryEodCloses();
        }
        s.closeDayIfFlat();
        return s.decision();
    }

    /** The mutable working copy of one step; frozen into a new {@link SessionState} at the end. */
    private final class Step {
        private final Instant at;
        private TradingSession session;
        private Phase phase;
        private BigDecimal startEquity;
        private Account account;
        private KillSwitchState killSwitch;
        private final Map<Symbol, EntryOrder> entries;
        private final Map<Symbol, OpenPosition> positions;
        private final Set<String> executionIds;
        private Map<Symbol, Asset> assets;
        private final List<TradeRecord> closedTrades;
        private final Map<ClientOrderId, OrderRecord> orders;
        private final Map<String, Long> filledByOrder;
        private final Set<String> reported;
        private final List<Command> commands = new ArrayList<>();

        Step(SessionState s, Instant at) {
            this.at = at;
            session = s.session();
            phase = s.phase();
            startEquity = s.startEquity();
            account = s.account();
            killSwitch = s.killSwitch();
            entries = new LinkedHashMap<>(s.entries());
            positions = new TreeMap<>(s.positions());
            executionIds = new LinkedHashSet<>(s.executionIds());
            assets = s.assets();
            closedTrades = new ArrayList<>(s.closedTrades());
            orders = new LinkedHashMap<>(s.orders());
            filledByOrder = new TreeMap<>(s.filledByOrder());
            reported = new java.util.TreeSet<>(s.reported());
        }

        Decision decision() {
            return new Decision(new SessionState(session, phase, startEquity, account, killSwitch, entries, positions,
                    executionIds, assets, closedTrades, at, orders, filledByOrder, reported), commands);
        }

        void alert(Severity severity, String message) {
            commands.add(new Alert(severity, message));
        }

        // ---- session start and scan -------------------------------------------------------------------

        void open(EngineEvent.SessionOpened e) {
            if (phase != Phase.NOT_STARTED) {
                alert(Severity.WARNING, "session " + session.date() + " already open: second SessionOpened ignored");
                return;
            }
            session = e.session();
            account = e.account();
            startEquity = e.account().equity();
            killSwitch = e.killSwitch();
            phase = Phase.AWAITING_SCAN;
            if (killSwitch.engaged()) {
                alert(Severity.WARNING, "kill switch is engaged (by " + killSwitch.by() + ": " + killSwitch.reason()
                        + "): no entries until a person releases it");
            }
        }

        void scan(EngineEvent.ScanReady e) {
            if (phase != Phase.AWAITING_SCAN) {
                alert(Severity.WARNING, "scan in phase " + phase + " ignored: one scan per session");
                return;
            }
            phase = Phase.TRADING;
            assets = e.assets();
            Scanner.Result result = Scanner.scan(session, e.input(), startEquity, config);
            int rank = 0;
            for (OrderPlanner.Plan plan : result.plans()) {
                rank++;
                if (plan instanceof OrderPlanner.Plan.NoTrade nt) {
                    var c = nt.candidate();
                    commands.add(new Command.PersistSignal(new SignalRecord(session.date(), c.symbol(), c.direction(),
                            c.rvol().toDouble(), rank, OrderPlanner.entryPrice(c.range(), c.direction()), null, 0, at,
                            SignalStatus.SKIPPED, null, nt.reason()), Optional.empty()));
                } else if (plan instanceof OrderPlanner.Plan.Trade t) {
                    placeEntry(t.intent(), t.candidate().rvol().toDouble(), rank, t.candidate().stats().atr14());
                }
            }
            // after the entries: a whole market's records are thousands of rows, and the orders should not wait for
            // them (the journaled scan event holds their inputs, and the scan is a pure function of it)
            commands.add(new Command.PersistOpeningRanges(result.records()));
        }

        private void placeEntry(OrderIntent intent, double rvol, int rank, BigDecimal atr) {
            RiskDecision decision = PreTradeChecks.check(intent, riskContext(), config);
            if (decision instanceof RiskDecision.Reject r) {
                commands.add(new Command.PersistSignal(signal(intent, rvol, rank, SignalStatus.REJECTED, null,
                        r.reason() + ": " + r.detail()), Optional.empty()));
                return;
            }
            OrderRequest request = OrderRequest.entry(intent);
            OrderRecord record = OrderRecord.pending(request, session.date(), OrderPurpose.ENTRY, at);
            entries.put(intent.symbol(), EntryOrder.pending(intent, atr));
            orders.put(intent.clientOrderId(), record);
            commands.add(new Command.PersistSignal(signal(intent, rvol, rank, SignalStatus.SUBMITTED,
                    intent.clientOrderId(), ""), Optional.of(record)));
            commands.add(new Command.SubmitOrder(request, OrderPurpose.ENTRY));
        }

        private SignalRecord signal(OrderIntent intent, double rvol, int rank, SignalStatus status, ClientOrderId id,
                                    String reason) {
            return new SignalRecord(session.date(), intent.symbol(), intent.direction(), rvol, rank, intent.entryStop(),
                    intent.protectiveStop(), intent.shares(), at, status, id, reason);
        }

        private boolean entryWindowOpen() {
            return (phase == Phase.TRADING) && !at.isBefore(SessionSchedule.scanTime(session, config))
                    && at.isBefore(SessionSchedule.latestEntryTime(session, config));
        }

        private RiskContext riskContext() {
            int openPositions = 0;
            BigDecimal positionsNotional = BigDecimal.ZERO;
            for (OpenPosition p : positions.values()) {
                if (p.openShares() > 0) {
                    openPositions++;
                    positionsNotional = positionsNotional.add(p.openNotional());
                }
            }
            int working = 0;
            int dayTrades = 0;
            BigDecimal workingNotional = BigDecimal.ZERO;
            for (EntryOrder e : entries.values()) {
                if (e.status().isWorking()) {
                    working++;
                    workingNotional = workingNotional.add(e.remainingNotional());
                }
                if (e.status().isWorking() || e.hasFilled()) {
                    dayTrades++;
                }
            }
            Set<Symbol> entered = new HashSet<>(entries.keySet());
            entered.addAll(positions.keySet());
            return new RiskContext(account, startEquity, killSwitch.engaged(), entryWindowOpen(), openPositions,
                    working, positionsNotional, workingNotional, entered, dayTrades, assets);
        }

        // ---- broker answers --------------------------------------------------------------------------

        void acknowledged(Order order) {
            Optional<ClientOrderId.Parts> parts = order.clientOrderId().parse();
            recordOrder(order);
            if (parts.isEmpty() || !parts.get().session().equals(session.date())) {
                alert(Severity.WARNING, "acknowledgement for an order orb did not send this session: " + order.clientOrderId());
                return;
            }
            Symbol symbol = parts.get().symbol();
            if (parts.get().purpose() == OrderPurpose.ENTRY) {
                EntryOrder entry = entries.get(symbol);
                if (entry == null || !entry.intent().clientOrderId().equals(order.clientOrderId())) {
                    alert(Severity.WARNING, "acknowledgement of an unknown or superseded entry " + order.clientOrderId());
                    return;
                }
                entry = entry.withBrokerIds(order.brokerOrderId(), stopLegId(order));
                if (entry.status() == EntryStatus.PENDING) {
                    entry = entry.withStatus(EntryStatus.WORKING);
                }
                entries.put(symbol, entry);
                applyEntryStatus(symbol, order);
                EntryOrder now = entries.get(symbol);
                if (now.cancelRequested() && now.status().isWorking()) {
                    commands.add(new Command.CancelOrder(now.intent().clientOrderId(), now.brokerOrderId()));
                }
            } else if (parts.get().purpose() == OrderPurpose.PROTECTIVE_STOP) {
                OpenPosition p = positions.get(symbol);
                if (p == null || p.openShares() == 0 || !order.clientOrderId().equals(p.stopOrderId())) {
                    commands.add(new Command.CancelOrder(order.clientOrderId(), order.brokerOrderId()));
                    return;
                }
                positions.put(symbol, p.withStop(StopState.STANDALONE_WORKING, p.stopPrice(), p.stopOrderId(),
                        order.brokerOrderId(), p.stopAttempts()).withStopRejections(0));
            }
        }

        void rejected(ClientOrderId id, String reason) {
            OrderRecord record = orders.get(id);
            if (record != null) {
                OrderRecord r = record.rejected(reason, at);
                orders.put(id, r);
                commands.add(new Command.PersistOrder(r));
            }
            Optional<ClientOrderId.Parts> parts = id.parse();
            if (parts.isEmpty()) {
                return;
            }
            Symbol symbol = parts.get().symbol();
            if (parts.get().purpose() == OrderPurpose.ENTRY) {
                EntryOrder entry = entries.get(symbol);
                if (entry != null && entry.intent().clientOrderId().equals(id)) {
                    entries.put(symbol, entry.withStatus(EntryStatus.REJECTED));
                    alert(Severity.WARNING, "entry " + id + " rejected by the broker: " + reason);
                }
            } else if (parts.get().purpose() == OrderPurpose.PROTECTIVE_STOP) {
                OpenPosition p = positions.get(symbol);
                if (p != null && p.openShares() > 0 && id.equals(p.stopOrderId())) {
                    // a position that cannot be protected is closed rather than left naked
                    positions.put(symbol, p.withStop(StopState.NONE, p.stopPrice(), null, null, p.stopAttempts())
                            .withStopRejections(p.stopRejections() + 1).withPendingExit(ExitReason.FORCE_CLOSE));
                    alert(Severity.CRITICAL, "protective stop " + id + " rejected (" + reason + "): closing " + symbol);
                    commands.add(new Command.ClosePosition(symbol, ExitReason.FORCE_CLOSE));
                }
            }
        }

        void commandFailed(Command command, String reason) {
            alert(Severity.CRITICAL, "command failed: " + command + ": " + reason);
            if (command instanceof Command.ClosePosition c) {
                OpenPosition p = positions.get(c.symbol());
                if (p != null && p.openShares() > 0) {
                    positions.put(c.symbol(), p.withPendingExit(null));
                    if (phase != Phase.CLOSING) {
                        // the close may have cancelled the stop before failing: look at the broker and re-protect
                        commands.add(new Command.Reconcile());
                    }
                    // after EOD the next account refresh or reconciliation re-protects and closes again
                    // (retryEodCloses); asking for a reconciliation here would loop while the broker keeps failing
                }
            }
        }

        /** After EOD, closes again what a failed close left open: stops are DAY orders, nothing may stay overnight. */
        void retryEodCloses() {
            if (phase != Phase.CLOSING) {
                return;
            }
            for (OpenPosition p : List.copyOf(positions.values())) {
                if (p.openShares() > 0 && p.pendingExit() == null) {
                    alert(Severity.WARNING, p.symbol() + ": " + p.openShares()
                            + " shares still open after EOD (the close failed): closing again");
                    positions.put(p.symbol(), p.withPendingExit(ExitReason.EOD));
                    commands.add(new Command.ClosePosition(p.symbol(), ExitReason.EOD));
                }
            }
        }

        void notFound(ClientOrderId id) {
            Optional<ClientOrderId.Parts> parts = id.parse();
            if (parts.isEmpty() || parts.get().purpose() != OrderPurpose.ENTRY) {
                return;
            }
            EntryOrder entry = entries.get(parts.get().symbol());
            if (entry != null && entry.intent().clientOrderId().equals(id) && entry.status() == EntryStatus.PENDING) {
                entries.put(entry.intent().symbol(), entry.withStatus(EntryStatus.CANCELED));
                OrderRecord record = orders.get(id);
                if (record != null) {
                    OrderRecord r = record.rejected("never reached the broker", at);
                    orders.put(id, r);
                    commands.add(new Command.PersistOrder(r));
                }
            }
        }

        void updated(OrderUpdate u) {
            Fill fill = u.fill();
            if (fill != null && !executionIds.add(fill.executionId())) {
                return; // the same execution seen again (stream replay): it counts once
            }
            commands.add(new Command.PersistOrderEvent(u));
            if (fill != null) {
                fill = unaccounted(u.order(), fill);
                if (fill == null) {
                    return; // already applied by a resynchronisation under another execution id
                }
            }
            Order order = u.order();
            recordOrder(order);
            Optional<ClientOrderId.Parts> parts = order.clientOrderId().parse();
            boolean ours = parts.isPresent() && parts.get().session().equals(session.date());
            Symbol symbol = order.symbol();
            if (ours && parts.get().purpose() == OrderPurpose.ENTRY && entries.containsKey(symbol)) {
                EntryOrder current = entries.get(symbol);
                boolean superseded = !current.intent().clientOrderId().equals(order.clientOrderId());
                if (fill != null) {
                    entryFill(symbol, fill);
                    if (superseded && current.status().isWorking()) {
                        // an earlier attempt filled after all (its cancel lost the race): one entry per symbol
                        alert(Severity.CRITICAL, order.clientOrderId() + " filled although superseded by "
                                + current.intent().clientOrderId() + ": cancelling the newer attempt");
                        entries.put(symbol, entries.get(symbol).withCancelRequested(false));
                        commands.add(new Command.CancelOrder(current.intent().clientOrderId(), current.brokerOrderId()));
                    }
                }
                EntryOrder entry = entries.get(symbol);
                if (entry.intent().clientOrderId().equals(order.clientOrderId())) {
                    entries.put(symbol, entry.withBrokerIds(order.brokerOrderId(), stopLegId(order)));
                    applyEntryStatus(symbol, order);
                }
                return;
            }
            OpenPosition p = positions.get(symbol);
            boolean isOurStop = p != null && ((ours && parts.get().purpose() == OrderPurpose.PROTECTIVE_STOP
                    && order.clientOrderId().equals(p.stopOrderId()))
                    || order.brokerOrderId().equals(p.stopBrokerOrderId())
                    || isLegOfEntry(symbol, order.brokerOrderId()));
            if (fill != null && p != null && p.openShares() > 0 && fill.side() == p.direction().exitSide()) {
                exitFill(symbol, fill, isOurStop || order.type() == OrderType.STOP ? ExitReason.STOP : ExitReason.FORCE_CLOSE);
                return;
            }
            if (isOurStop && order.status().isTerminal() && order.filledQuantity() == 0) {
                stopEnded(symbol, order);
                return;
            }
            if (isOurStop && !order.status().isTerminal() && p.stop() == StopState.STANDALONE_PENDING) {
                positions.put(symbol, p.withStop(StopState.STANDALONE_WORKING, p.stopPrice(), p.stopOrderId(),
                        order.brokerOrderId(), p.stopAttempts()));
                return;
            }
            if (!ours && !isOurStop && fill != null) {
                alert(Severity.WARNING, "fill of an order orb did not create: " + order.clientOrderId() + " " + symbol
                        + " " + fill.side() + " " + fill.quantity() + " @ " + fill.price() + " (reported, not touched)");
            }
        }

        void account(Account a) {
            account = a;
            checkDailyLoss();
        }

        private void checkDailyLoss() {
            if (killSwitch.engaged() || startEquity.signum() <= 0
                    || !DailyLossLimit.isBreached(startEquity, account.equity(), config)) {
                return;
            }
            String reason = "daily loss limit: equity " + account.equity().toPlainString() + " below "
                    + DailyLossLimit.threshold(startEquity, config).toPlainString() + " ("
                    + config.maxDailyLoss().toPlainString() + " of start-of-day equity "
                    + startEquity.toPlainString() + ")";
            if (config.flattenOnDailyLoss()) {
                flattenAs("daily-loss-limit", reason);
            } else {
                engage("daily-loss-limit", reason);
            }
        }

        // ---- fills ---------------------------------------------------------------------------------

        private void entryFill(Symbol symbol, Fill fill) {
            EntryOrder entry = entries.get(symbol);
            OrderIntent intent = entry.intent();
            long filled = Math.min(entry.intent().shares(), entry.filledQuantity() + fill.quantity());
            entries.put(symbol, entry.withFilled(filled, filled >= intent.shares() ? EntryStatus.FILLED
                    : entry.status() == EntryStatus.CANCELED ? EntryStatus.CANCELED : EntryStatus.PARTIALLY_FILLED));
            OpenPosition p = positions.get(symbol);
            boolean first = p == null;
            if (first) {
                p = new OpenPosition(symbol, intent.direction(), intent.clientOrderId(), 0, 0, BigDecimal.ZERO, 0,
                        BigDecimal.ZERO, fill.time(), null, intent.protectiveStop(), StopState.OTO_LEG, null,
                        entry.stopLegBrokerOrderId(), 0, 0, null);
            }
            p = p.withEntryFill(fill.quantity(), fill.price());
            positions.put(symbol, p);
            commands.add(new Command.PersistTrade(openTrade(p, intent)));
            if (phase == Phase.CLOSING || phase == Phase.CLOSED || p.pendingExit() != null) {
                // a fill that raced EOD, a flatten or a force-close is closed at once
                ExitReason reason = p.pendingExit() != null ? p.pendingExit() : ExitReason.EOD;
                positions.put(symbol, p.withPendingExit(reason));
                commands.add(new Command.ClosePosition(symbol, reason));
                if (phase == Phase.CLOSED) {
                    phase = Phase.CLOSING;
                }
                return;
            }
            if (first && config.stopAnchor() == StopAnchor.FILL_PRICE) {
                reanchor(symbol, fill.price(), entry.atr());
            }
        }

        private void reanchor(Symbol symbol, Price fillPrice, BigDecimal atr) {
            OpenPosition p = positions.get(symbol);
            Optional<Price> stop = OrderPlanner.protectiveStop(fillPrice, p.direction(), atr, config);
            if (stop.isEmpty() || stop.get().equals(p.stopPrice())) {
                return;
            }
            String legId = p.stopBrokerOrderId() != null ? p.stopBrokerOrderId()
                    : entries.get(symbol).stopLegBrokerOrderId();
            if (legId == null) {
                alert(Severity.WARNING, symbol + ": stop not re-anchored to the fill price: its OTO leg id is unknown;"
                        + " the planned stop " + p.stopPrice() + " stays");
                return;
            }
            // An OTO leg cannot be replaced: cancel it, then send the re-anchored stop when the cancel is confirmed.
            positions.put(symbol, p.withStop(StopState.REPLACING, stop.get(), null, legId, p.stopAttempts()));
            commands.add(new Command.CancelOrder(null, legId));
        }

        private void exitFill(Symbol symbol, Fill fill, ExitReason hint) {
            OpenPosition p = positions.get(symbol);
            long qty = Math.min(fill.quantity(), p.openShares());
            if (fill.quantity() > p.openShares()) {
                alert(Severity.CRITICAL, symbol + ": exit fill of " + fill.quantity() + " shares exceeds the open "
                        + p.openShares() + " (execution " + fill.executionId() + ")");
            }
            p = p.withExitFill(qty, fill.price(), fill.time());
            if (p.openShares() > 0) {
                positions.put(symbol, p);
                return;
            }
            ExitReason reason = p.pendingExit() != null ? p.pendingExit() : hint;
            EntryOrder entry = entries.get(symbol);
            TradeRecord trade = new TradeRecord(p.entryOrderId(), session.date(), symbol, p.direction(),
                    p.enteredShares(), entry.intent().entryStop(), p.stopPrice() != null ? p.stopPrice()
                    : entry.intent().protectiveStop(), p.openedAt(), p.avgEntryPrice(), p.lastExitAt(),
                    p.avgExitPrice(), reason, BigDecimal.ZERO, p.realizedPnl());
            closedTrades.add(trade);
            commands.add(new Command.PersistTrade(trade));
            positions.remove(symbol);
            if (p.stop() == StopState.STANDALONE_WORKING || p.stop() == StopState.STANDALONE_PENDING) {
                commands.add(new Command.CancelOrder(p.stopOrderId(), p.stopBrokerOrderId()));
            }
            if (entry.status().isWorking()) {
                entries.put(symbol, entry.withCancelRequested(false));
                commands.add(new Command.CancelOrder(entry.intent().clientOrderId(), entry.brokerOrderId()));
            }
        }

        private TradeRecord openTrade(OpenPosition p, OrderIntent intent) {
            return new TradeRecord(intent.clientOrderId(), session.date(), p.symbol(), p.direction(),
                    p.enteredShares(), intent.entryStop(), p.stopPrice(), p.openedAt(), p.avgEntryPrice(), null, null,
                    null, BigDecimal.ZERO, null);
        }

        private void stopEnded(Symbol symbol, Order order) {
            OpenPosition p = positions.get(symbol);
            if (p.openShares() == 0 || p.pendingExit() != null) {
                return;
            }
            if (p.stop() == StopState.REPLACING) {
                sendStandaloneStop(symbol, p.stopPrice(), "re-anchored to the fill price");
                return;
            }
            alert(Severity.CRITICAL, symbol + ": protective stop " + order.brokerOrderId() + " ended as "
                    + order.status() + " while the position is open: sending a new one");
            sendStandaloneStop(symbol, p.stopPrice(), "replacing a stop that ended");
        }

        private void sendStandaloneStop(Symbol symbol, Price stopPrice, String why) {
            OpenPosition p = positions.get(symbol);
            if (stopPrice == null) {
                positions.put(symbol, p.withPendingExit(ExitReason.FORCE_CLOSE));
                alert(Severity.CRITICAL, symbol + ": no stop price known to protect the position: closing it");
                commands.add(new Command.ClosePosition(symbol, ExitReason.FORCE_CLOSE));
                return;
            }
            if (p.stopRejections() >= MAX_STOP_ATTEMPTS) {
                alert(Severity.CRITICAL, symbol + ": " + p.openShares() + " shares unprotected after "
                        + MAX_STOP_ATTEMPTS + " stand-alone stops were refused in a row: a person must act");
                return;
            }
            int attempt = p.stopAttempts() + 1;
            ClientOrderId id = ClientOrderId.of(session.date(), symbol, OrderPurpose.PROTECTIVE_STOP, attempt);
            OrderRequest request = OrderRequest.protectiveStop(id, symbol, p.direction().exitSide(), p.openShares(),
                    stopPrice);
            OrderRecord record = OrderRecord.pending(request, session.date(), OrderPurpose.PROTECTIVE_STOP, at);
            orders.put(id, record);
            positions.put(symbol, p.withStop(StopState.STANDALONE_PENDING, stopPrice, id, null, attempt));
            commands.add(new Command.PersistOrder(record));
            commands.add(new Command.SubmitOrder(request, OrderPurpose.PROTECTIVE_STOP));
            alert(Severity.INFO, symbol + ": protective stop " + id + " at " + stopPrice + " (" + why + ")");
        }

        // ---- operator controls -------------------------------------------------------------------------

        void engage(String by, String reason) {
            if (killSwitch.engaged()) {
                return;
            }
            killSwitch = new KillSwitchState(true, by, at, reason);
            commands.add(new Command.PersistKillSwitch(killSwitch));
            alert(Severity.CRITICAL, "kill switch engaged by " + by + ": " + reason);
            for (EntryOrder e : List.copyOf(entries.values())) {
                if (e.status().isWorking()) {
                    entries.put(e.intent().symbol(), e.withCancelRequested(true));
                    commands.add(new Command.CancelOrder(e.intent().clientOrderId(), e.brokerOrderId()));
                }
            }
        }

        void release(String operator, String reason) {
            if (operator.isBlank() || SYSTEM_ACTORS.contains(operator)) {
                alert(Severity.WARNING, "kill switch release by '" + operator + "' refused: only a person releases it");
                return;
            }
            if (!killSwitch.engaged()) {
                return;
            }
            killSwitch = new KillSwitchState(false, operator, at, reason);
            commands.add(new Command.PersistKillSwitch(killSwitch));
            alert(Severity.WARNING, "kill switch released by " + operator + ": " + reason);
            if (!entryWindowOpen()) {
                return;
            }
            // signals still valid today: entries the switch cancelled before any fill, re-sent as a new attempt
            for (EntryOrder e : List.copyOf(entries.values())) {
                if (e.canceledByKillSwitch() && e.status() == EntryStatus.CANCELED && !e.hasFilled()
                        && !positions.containsKey(e.intent().symbol())) {
                    OrderIntent old = e.intent();
                    int attempt = old.clientOrderId().parse().map(ClientOrderId.Parts::attempt).orElse(1) + 1;
                    OrderIntent again = new OrderIntent(ClientOrderId.of(session.date(), old.symbol(),
                            OrderPurpose.ENTRY, attempt), old.session(), old.symbol(), old.direction(),
                            old.entryStop(), old.protectiveStop(), old.shares(), old.timeInForce());
                    entries.remove(old.symbol());
                    RiskDecision decision = PreTradeChecks.check(again, riskContext(), config);
                    if (decision instanceof RiskDecision.Reject r) {
                        entries.put(old.symbol(), e);
                        alert(Severity.INFO, old.symbol() + ": entry not re-sent after the release: " + r.reason()
                                + ": " + r.detail());
                        continue;
                    }
                    OrderRequest request = OrderRequest.entry(again);
                    OrderRecord record = OrderRecord.pending(request, session.date(), OrderPurpose.ENTRY, at);
                    entries.put(old.symbol(), EntryOrder.pending(again, e.atr()));
                    orders.put(again.clientOrderId(), record);
                    commands.add(new Command.PersistOrder(record));
                    commands.add(new Command.SubmitOrder(request, OrderPurpose.ENTRY));
                }
            }
        }

        void flatten(String by) {
            flattenAs(by, "flatten all requested by " + by);
        }

        private void flattenAs(String by, String reason) {
            engage(by, reason);
            for (EntryOrder e : List.copyOf(entries.values())) {
                if (e.status().isWorking() && !e.cancelRequested()) {
                    entries.put(e.intent().symbol(), e.withCancelRequested(true));
                }
            }
            for (OpenPosition p : List.copyOf(positions.values())) {
                if (p.openShares() > 0) {
                    positions.put(p.symbol(), p.withPendingExit(ExitReason.FLATTEN));
                }
            }
            commands.add(new Command.CancelAllOrders());
            commands.add(new Command.CloseAllPositions());
        }

        void forceClose(Symbol symbol, String by) {
            EntryOrder e = entries.get(symbol);
            OpenPosition p = positions.get(symbol);
            boolean acted = false;
            if (e != null && e.status().isWorking()) {
                entries.put(symbol, e.withCancelRequested(false));
                commands.add(new Command.CancelOrder(e.intent().clientOrderId(), e.brokerOrderId()));
                acted = true;
            }
            if (p != null && p.openShares() > 0) {
                positions.put(symbol, p.withPendingExit(ExitReason.FORCE_CLOSE));
                commands.add(new Command.ClosePosition(symbol, ExitReason.FORCE_CLOSE));
                acted = true;
            }
            alert(acted ? Severity.WARNING : Severity.INFO, acted ? "force-close of " + symbol + " by " + by
                    : "force-close of " + symbol + " by " + by + ": nothing open");
        }

        void eod() {
            if (phase == Phase.CLOSING || phase == Phase.CLOSED) {
                return;
            }
            phase = Phase.CLOSING;
            for (EntryOrder e : List.copyOf(entries.values())) {
                if (e.status().isWorking()) {
                    entries.put(e.intent().symbol(), e.withCancelRequested(false));
                    commands.add(new Command.CancelOrder(e.intent().clientOrderId(), e.brokerOrderId()));
                }
            }
            for (OpenPosition p : List.copyOf(positions.values())) {
                if (p.openShares() > 0 && p.pendingExit() == null) {
                    positions.put(p.symbol(), p.withPendingExit(ExitReason.EOD));
                    commands.add(new Command.ClosePosition(p.symbol(), ExitReason.EOD));
                }
            }
        }

        void closeDayIfFlat() {
            if (phase != Phase.CLOSING) {
                return;
            }
            boolean flat = positions.values().stream().allMatch(p -> p.openShares() == 0)
                    && entries.values().stream().noneMatch(e -> e.status().isWorking());
            if (!flat) {
                return;
            }
            phase = Phase.CLOSED;
            BigDecimal pnl = BigDecimal.ZERO;
            int wins = 0;
            int losses = 0;
            BigDecimal commission = BigDecimal.ZERO;
            for (TradeRecord t : closedTrades) {
                pnl = pnl.add(t.pnl());
                commission = commission.add(t.commission());
                wins += t.pnl().signum() > 0 ? 1 : 0;
                losses += t.pnl().signum() < 0 ? 1 : 0;
            }
            commands.add(new Command.PersistDailyMetrics(new DailyMetrics(session.date(), startEquity,
                    startEquity.add(pnl), pnl, closedTrades.size(), wins, losses, commission)));
        }

        // ---- reconciliation ------------------------------------------------------------------------------

        void reconcile(EngineEvent.Reconciled e) {
            account = e.account();
            List<Order> all = new ArrayList<>();
            for (Order o : e.orders()) {
                all.add(o);
                all.addAll(o.legs());
            }
            Set<ClientOrderId> seen = new HashSet<>();
            for (Order o : all) {
                seen.add(o.clientOrderId());
                reconcileOrder(o);
            }
            for (EntryOrder entry : List.copyOf(entries.values())) {
                if (entry.status() == EntryStatus.PENDING && !seen.contains(entry.intent().clientOrderId())) {
                    pendingNotAtBroker(entry);
                }
            }
            Map<Symbol, Position> brokerPositions = new TreeMap<>();
            for (Position p : e.positions()) {
                brokerPositions.put(p.symbol(), p);
            }
            for (OpenPosition p : List.copyOf(positions.values())) {
                Position b = brokerPositions.get(p.symbol());
                long brokerShares = b == null ? 0 : b.direction() == p.direction() ? b.shares() : -b.shares();
                for (Order o : all) {
                    OpenPosition current = positions.get(p.symbol());
                    if (current != null && current.openShares() > 0 && o.symbol().equals(p.symbol())
                            && o.side() == p.direction().exitSide()) {
                        Fill missed = missedFill(o); // a stop leg or a close that filled while the stream was down
                        if (missed != null) {
                            exitFill(p.symbol(), missed, o.type() == OrderType.MARKET ? ExitReason.FORCE_CLOSE
                                    : ExitReason.STOP);
                        }
                    }
                }
                OpenPosition now = positions.get(p.symbol());
                long nowShares = now == null ? 0 : now.openShares();
                if (now != null && brokerShares != nowShares) {
                    alert(Severity.CRITICAL, p.symbol() + ": orb counts " + nowShares + " open shares, the broker "
                            + (b == null ? 0 : b.quantity()) + ": taking the broker's count");
                    positions.put(p.symbol(), now.withOpenShares(Math.max(0, brokerShares)));
                }
            }
            for (Position b : brokerPositions.values()) {
                if (!positions.containsKey(b.symbol()) && reported.add("position:" + b.symbol() + ":" + b.quantity())) {
                    alert(Severity.WARNING, "position " + b.symbol() + " " + b.quantity()
                            + " was not opened by orb this session: reported, not touched");
                }
            }
            for (OpenPosition p : List.copyOf(positions.values())) {
                if (p.openShares() > 0 && p.pendingExit() == null && !hasWorkingStop(all, p)) {
                    sendStandaloneStop(p.symbol(), p.stopPrice(), "reconciliation found no working stop");
                }
            }
            checkDailyLoss();
        }

        private void reconcileOrder(Order o) {
            Optional<ClientOrderId.Parts> parts = o.clientOrderId().parse();
            boolean ours = parts.isPresent() && parts.get().session().equals(session.date());
            if (!ours) {
                if (!o.status().isTerminal() && !isLegOfEntry(o.symbol(), o.brokerOrderId()) && !isStopOf(o)
                        && reported.add("order:" + o.brokerOrderId())) {
                    alert(Severity.WARNING, "order " + o.clientOrderId() + " (" + o.symbol() + " " + o.side() + " "
                            + o.type() + ") was not created by orb: reported, not touched");
                }
                return;
            }
            recordOrder(o);
            Symbol symbol = parts.get().symbol();
            EntryOrder entry = entries.get(symbol);
            if (parts.get().purpose() == OrderPurpose.ENTRY && entry != null
                    && entry.intent().clientOrderId().equals(o.clientOrderId())) {
                Fill missed = missedFill(o); // fills the stream did not deliver
                if (missed != null) {
                    entryFill(symbol, missed);
                }
                entries.put(symbol, entries.get(symbol).withBrokerIds(o.brokerOrderId(), stopLegId(o)));
                applyEntryStatus(symbol, o);
                EntryOrder now = entries.get(symbol);
                if (!o.status().isTerminal() && (now.cancelRequested() || !now.status().isWorking())) {
                    // working at the broker although orb wants it gone (a late submission, a lost cancel)
                    commands.add(new Command.CancelOrder(o.clientOrderId(), o.brokerOrderId()));
                }
            } else if (parts.get().purpose() == OrderPurpose.PROTECTIVE_STOP) {
                OpenPosition p = positions.get(symbol);
                if (p != null && o.clientOrderId().equals(p.stopOrderId()) && !o.status().isTerminal()) {
                    positions.put(symbol, p.withStop(StopState.STANDALONE_WORKING, p.stopPrice(), p.stopOrderId(),
                            o.brokerOrderId(), p.stopAttempts()));
                }
            }
        }

        private void pendingNotAtBroker(EntryOrder entry) {
            if (entryWindowOpen() && !killSwitch.engaged() && !entry.cancelRequested()) {
                alert(Severity.WARNING, "entry " + entry.intent().clientOrderId()
                        + " not found at the broker: sending it again under the same client order id");
                commands.add(new Command.SubmitOrder(OrderRequest.entry(entry.intent()), OrderPurpose.ENTRY));
            } else {
                entries.put(entry.intent().symbol(), entry.withStatus(EntryStatus.REJECTED));
                alert(Severity.WARNING, "entry " + entry.intent().clientOrderId()
                        + " never reached the broker and its window has passed: dropped");
            }
        }

        private boolean hasWorkingStop(List<Order> all, OpenPosition p) {
            OrderSide exit = p.direction().exitSide();
            for (Order o : all) {
                if (o.symbol().equals(p.symbol()) && o.side() == exit && !o.status().isTerminal()
                        && (o.type() == OrderType.STOP || o.type() == OrderType.STOP_LIMIT
                        || o.type() == OrderType.TRAILING_STOP)) {
                    return true;
                }
            }
            return false;
        }

        // ---- helpers -----------------------------------------------------------------------------------

        private void applyEntryStatus(Symbol symbol, Order order) {
            EntryOrder e = entries.get(symbol);
            EntryStatus status = switch (order.status()) {
                case FILLED -> EntryStatus.FILLED;
                case CANCELED, EXPIRED, DONE_FOR_DAY, STOPPED, REPLACED -> EntryStatus.CANCELED;
                case REJECTED -> EntryStatus.REJECTED;
                case PARTIALLY_FILLED -> EntryStatus.PARTIALLY_FILLED;
                default -> e.status() == EntryStatus.PENDING ? EntryStatus.WORKING : e.status();
            };
            // fills arrive as their own events: a status never runs ahead of the shares counted
            if (status == EntryStatus.FILLED && e.filledQuantity() < e.intent().shares()) {
                status = EntryStatus.PARTIALLY_FILLED;
            }
            if (status == EntryStatus.PARTIALLY_FILLED && e.filledQuantity() == 0) {
                status = EntryStatus.WORKING;
            }
            if (!e.status().isWorking() && status.isWorking()) {
                return; // never resurrect a finished order from a stale update
            }
            entries.put(symbol, e.withStatus(status));
            if (status == EntryStatus.CANCELED || status == EntryStatus.REJECTED) {
                OpenPosition p = positions.get(symbol);
                if (p != null && p.stopBrokerOrderId() == null && e.stopLegBrokerOrderId() != null) {
                    positions.put(symbol, p.withStop(p.stop(), p.stopPrice(), p.stopOrderId(),
                            e.stopLegBrokerOrderId(), p.stopAttempts()));
                }
            }
            OpenPosition p = positions.get(symbol);
            if (p != null && p.stopBrokerOrderId() == null && entries.get(symbol).stopLegBrokerOrderId() != null
                    && p.stop() == StopState.OTO_LEG) {
                positions.put(symbol, p.withStop(StopState.OTO_LEG, p.stopPrice(), p.stopOrderId(),
                        entries.get(symbol).stopLegBrokerOrderId(), p.stopAttempts()));
            }
        }

        /**
         * The part of {@code fill} not yet applied, judged by the order's cumulative filled quantity; null when
         * all of it was. Records it as applied.
         */
        private Fill unaccounted(Order order, Fill fill) {
            long applied = filledByOrder.getOrDefault(order.brokerOrderId(), 0L);
            // brokers report the order's cumulative filled quantity with each fill; without it, trust the fill
            long cumulative = order.filledQuantity() > 0 ? order.filledQuantity() : applied + fill.quantity();
            long delta = Math.min(fill.quantity(), cumulative - applied);
            if (delta <= 0) {
                return null;
            }
            filledByOrder.put(order.brokerOrderId(), applied + delta);
            return delta == fill.quantity() ? fill : new Fill(fill.executionId(), fill.brokerOrderId(),
                    fill.clientOrderId(), fill.symbol(), fill.side(), delta, fill.price(), fill.time());
        }

        /** A fill for what a resynchronised order shows filled beyond what was applied; null when nothing is. */
        private Fill missedFill(Order o) {
            long applied = filledByOrder.getOrDefault(o.brokerOrderId(), 0L);
            long missed = o.filledQuantity() - applied;
            if (missed <= 0 || o.filledAvgPrice() == null) {
                return null;
            }
            String execId = "resync:" + o.brokerOrderId() + ":" + o.filledQuantity();
            executionIds.add(execId);
            filledByOrder.put(o.brokerOrderId(), o.filledQuantity());
            Price price = Price.of(o.filledAvgPrice().setScale(Price.SCALE, RoundingMode.HALF_EVEN));
            return new Fill(execId, o.brokerOrderId(), o.clientOrderId(), o.symbol(), o.side(), missed, price,
                    o.updatedAt() != null ? o.updatedAt() : at);
        }

        private boolean isLegOfEntry(Symbol symbol, String brokerOrderId) {
            EntryOrder e = entries.get(symbol);
            return e != null && brokerOrderId.equals(e.stopLegBrokerOrderId());
        }

        private boolean isStopOf(Order o) {
            OpenPosition p = positions.get(o.symbol());
            return p != null && o.brokerOrderId().equals(p.stopBrokerOrderId());
        }

        private String stopLegId(Order order) {
            for (Order leg : order.legs()) {
                if (leg.type() == OrderType.STOP || leg.type() == OrderType.STOP_LIMIT) {
                    return leg.brokerOrderId();
                }
            }
            return null;
        }

        private void recordOrder(Order order) {
            OrderRecord record = orders.get(order.clientOrderId());
            if (record == null) {
                return;
            }
            if (order.status() == OrderStatus.UNKNOWN && record.brokerOrderId() != null) {
                return;
            }
            OrderRecord updated = record.update(order, at);
            if (!updated.equals(record)) {
                orders.put(order.clientOrderId(), updated);
                commands.add(new Command.PersistOrder(updated));
            }
        }
    }
}
